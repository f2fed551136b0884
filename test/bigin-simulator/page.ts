import { mandatoryFields } from './fields';
import { WATCHABLE_MODULES, sampleRecord } from './seed';

/** A small live view of the simulated org: channels counting down, records you can change. */
export function simulatorPage(): string {
	const modules = JSON.stringify(
		Object.fromEntries(
			WATCHABLE_MODULES.map((name) => [
				name,
				{ field: mandatoryFields(name)[0], sample: sampleRecord(name, '') },
			]),
		),
	);
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bigin simulator</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1b2a22;background:#f6faf7}
h1{color:#1d8a4a}table{border-collapse:collapse;margin:.5rem 0 1.5rem;background:#fff}
td,th{border:1px solid #cfe3d6;padding:.3rem .6rem;text-align:left;font-size:.9rem}
button{margin:0 .2rem;cursor:pointer}.muted{color:#6b7d72}section{margin-bottom:1.5rem}
</style></head><body>
<h1>Bigin simulator</h1>
<p class="muted">A local stand-in for Zoho Bigin. Changing a record here sends the notification real Bigin would send to every live channel watching it.</p>
<h2>Live notification channels</h2>
<table id="channels"><thead><tr><th>Channel ID</th><th>Events</th><th>Notify URL</th><th>Expires in</th></tr></thead><tbody></tbody></table>
<div id="modules"></div>
<script>
const MODULES = ${modules};
const LABELS = { Accounts: ['Companies (Accounts)', 'Company'], Pipelines: ['Pipelines', 'Pipeline Record'] };
const title = (module) => (LABELS[module] ?? [module])[0];
const singular = (module) => (LABELS[module] ?? [])[1] ?? module.replace(/s$/, '');
async function call(method, path, body) {
  const response = await fetch(path, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  return response.json();
}
function cell(text) { const td = document.createElement('td'); td.textContent = text; return td; }
async function refresh() {
  const { channels } = await call('GET', '/_sim/channels');
  const body = document.querySelector('#channels tbody');
  body.replaceChildren(...(channels.length ? channels.map((c) => {
    const tr = document.createElement('tr');
    tr.append(cell(c.channel_id), cell(c.events.join(', ')), cell(c.notify_url), cell(Math.max(0, c.expires_in_seconds) + ' s'));
    return tr;
  }) : [Object.assign(document.createElement('tr'), { innerHTML: '<td colspan="4" class="muted">No live channels. Activate a workflow with Bigin Trigger.</td>' })]));
  const container = document.getElementById('modules');
  const sections = [];
  for (const [module, { field: mandatory, sample }] of Object.entries(MODULES)) {
    const { data } = await call('GET', '/_sim/records/' + module);
    const section = document.createElement('section');
    const heading = document.createElement('h2'); heading.textContent = title(module);
    const add = document.createElement('button'); add.textContent = 'Create ' + singular(module);
    add.onclick = async () => { await call('POST', '/_sim/records/' + module, { ...sample, [mandatory]: singular(module) + ' ' + new Date().toLocaleTimeString() }); refresh(); };
    const table = document.createElement('table');
    for (const record of data) {
      const tr = document.createElement('tr');
      const actions = document.createElement('td');
      const edit = document.createElement('button'); edit.textContent = 'Edit';
      edit.onclick = async () => { await call('PATCH', '/_sim/records/' + module + '/' + record.id, { [mandatory]: String(record[mandatory]).replace(/ \\(edited.*$/, '') + ' (edited ' + new Date().toLocaleTimeString() + ')' }); refresh(); };
      const remove = document.createElement('button'); remove.textContent = 'Delete';
      remove.onclick = async () => { await call('DELETE', '/_sim/records/' + module + '/' + record.id); refresh(); };
      actions.append(edit, remove);
      tr.append(cell(record.id), cell(String(record[mandatory])), cell(String(record.Modified_Time)), actions);
      table.append(tr);
    }
    section.append(heading, add, table);
    sections.push(section);
  }
  container.replaceChildren(...sections);
}
refresh();
setInterval(refresh, 2000);
</script></body></html>`;
}
