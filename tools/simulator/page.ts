import { mandatoryFields } from './fields';
import { WATCHABLE_MODULES, sampleRecord } from './seed';

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;color:#1b2a22;background:#f6faf7}
header{background:#1d8a4a;color:#fff;padding:1rem 2rem}header h1{margin:0;font-size:1.4rem}
header p{margin:.3rem 0 0;opacity:.9}main{padding:1rem 2rem;max-width:1200px}
h2{font-size:1.1rem;margin:1.5rem 0 .4rem}table{border-collapse:collapse;background:#fff;width:100%}
td,th{border-bottom:1px solid #dcebe1;padding:.35rem .6rem;text-align:left;font-size:.9rem;vertical-align:top}
th{background:#eaf5ee;font-weight:600}button{cursor:pointer;border:1px solid #1d8a4a;background:#fff;color:#1d8a4a;border-radius:4px;padding:.2rem .6rem;margin-right:.3rem}
button.primary{background:#1d8a4a;color:#fff}button:hover{filter:brightness(.95)}.muted{color:#6b7d72}
.ok{color:#17743d;font-weight:600}.bad{color:#b3261e;font-weight:600}.wait{color:#8a6d1d}
td.time,td.actions{white-space:nowrap}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:0 2rem}
`;

/**
 * The simulated org as a person sees it: live channels, the records of each module with buttons
 * that change them (each change notifies the channels watching it, as Bigin would), and a live
 * log of those notifications with the receiver's answer. Every time is shown in the browser's
 * own clock and zone; durations read as "in 22 h 59 min".
 */
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
<html lang="en"><head><meta charset="utf-8"><title>Bigin simulator</title><style>${STYLE}</style></head><body>
<header><h1>Bigin simulator</h1>
<p>A local stand-in for Zoho Bigin. Create, edit or delete a record below: every live channel watching it gets the notification real Bigin would send.</p></header>
<main>
<p class="muted" id="clock"></p>
<h2>Live notification channels</h2>
<table id="channels"><thead><tr><th>Channel ID</th><th>Events</th><th>Notify URL</th><th>Expires</th></tr></thead><tbody></tbody></table>
<h2>Notifications sent <span class="muted">(newest first)</span></h2>
<table id="deliveries"><thead><tr><th>Sent</th><th>Change</th><th>Channel</th><th>Receiver's answer</th></tr></thead><tbody></tbody></table>
<div class="grid" id="modules"></div>
</main>
<script>
const MODULES = ${modules};
const LABELS = { Accounts: ['Companies (Accounts)', 'Company'], Pipelines: ['Pipelines', 'Pipeline Record'] };
const title = (module) => (LABELS[module] ?? [module])[0];
const singular = (module) => (LABELS[module] ?? [])[1] ?? module.replace(/s$/, '');
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const time = (value) => new Date(value).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTime = (value) => new Date(value).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
function duration(seconds) {
  if (seconds <= 0) return 'expired';
  const hours = Math.floor(seconds / 3600), minutes = Math.floor((seconds % 3600) / 60);
  return hours ? hours + ' h ' + minutes + ' min' : minutes ? minutes + ' min ' + (seconds % 60) + ' s' : seconds + ' s';
}
async function call(method, path, body) {
  const response = await fetch(path, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  return response.json();
}
function cell(content, className) {
  const td = document.createElement('td');
  if (content instanceof Node) td.append(content); else td.textContent = content;
  if (className) td.className = className;
  return td;
}
function row(cells, testId) {
  const tr = document.createElement('tr');
  tr.append(...cells);
  if (testId) tr.dataset.testId = testId;
  return tr;
}
function emptyRow(columns, text) {
  return row([Object.assign(cell(text, 'muted'), { colSpan: columns })]);
}
function button(text, testId, onClick, className) {
  const element = document.createElement('button');
  element.textContent = text;
  element.dataset.testId = testId;
  if (className) element.className = className;
  element.onclick = async () => { element.disabled = true; await onClick(); refresh(); };
  return element;
}
function answer(delivery) {
  if (delivery.error) return cell('no answer: ' + delivery.error, 'bad');
  if (delivery.status === null) return cell('waiting…', 'wait');
  const ok = delivery.status >= 200 && delivery.status < 300;
  const text = delivery.status + (ok ? ' OK' : '') + (delivery.response ? ' · ' + delivery.response.slice(0, 120) : '');
  return cell(text, ok ? 'ok' : 'bad');
}
function renderChannels(channels, nowMs) {
  document.querySelector('#channels tbody').replaceChildren(...(channels.length
    ? channels.map((c) => row([cell(c.channel_id), cell(c.events.join(', ')), cell(c.notify_url),
        cell(dateTime(nowMs + c.expires_in_seconds * 1000) + ' (in ' + duration(c.expires_in_seconds) + ')', 'time')], 'channel-row'))
    : [emptyRow(4, 'No live channels. Publish a workflow with Bigin Trigger, or click "Listen for test event" in it.')]));
}
function renderDeliveries(deliveries) {
  const newest = deliveries.slice(-20).reverse();
  document.querySelector('#deliveries tbody').replaceChildren(...(newest.length
    ? newest.map((d) => row([cell(time(d.at), 'time'),
        cell(d.payload.module + ' ' + d.payload.operation + ' · ' + (d.payload.ids || []).join(', ')),
        cell(d.channelId), answer(d)], 'delivery-row'))
    : [emptyRow(4, 'None yet: change a record below.')]));
}
async function renderModules() {
  const sections = [];
  for (const [module, { field: mandatory, sample }] of Object.entries(MODULES)) {
    const { data } = await call('GET', '/_sim/records/' + module);
    const section = document.createElement('section');
    const heading = document.createElement('h2');
    heading.textContent = title(module) + ' ';
    heading.append(button('Create ' + singular(module), 'create-' + module, () =>
      call('POST', '/_sim/records/' + module, { ...sample, [mandatory]: singular(module) + ' ' + time(Date.now()) }), 'primary'));
    const table = document.createElement('table');
    table.dataset.testId = 'records-' + module;
    const head = row(['ID', mandatory.replace(/_/g, ' '), 'Modified', ''].map((text) => Object.assign(document.createElement('th'), { textContent: text })));
    const body = document.createElement('tbody');
    body.append(...data.map((record) => {
      const edit = button('Edit', 'edit-record', () => call('PATCH', '/_sim/records/' + module + '/' + record.id,
        { [mandatory]: String(record[mandatory]).replace(/ \\(edited.*$/, '') + ' (edited ' + time(Date.now()) + ')' }));
      const remove = button('Delete', 'delete-record', () => call('DELETE', '/_sim/records/' + module + '/' + record.id));
      const actions = document.createElement('span');
      actions.append(edit, remove);
      return row([cell(record.id), cell(String(record[mandatory])), cell(dateTime(record.Modified_Time), 'time'), cell(actions, 'actions')], 'record-row');
    }));
    const thead = document.createElement('thead');
    thead.append(head);
    table.append(thead, body);
    section.append(heading, table);
    sections.push(section);
  }
  document.getElementById('modules').replaceChildren(...sections);
}
let refreshing = false;
async function refresh() {
  if (refreshing) return;
  refreshing = true;
  try {
    const state = await call('GET', '/_sim/state');
    const nowMs = Date.parse(state.now);
    const offset = Math.round(state.clock_offset_ms / 1000);
    document.getElementById('clock').textContent = 'Times are in your clock (' + ZONE + '). Simulator clock: ' + dateTime(nowMs) +
      (offset ? ' (moved ' + (offset > 0 ? 'ahead' : 'back') + ' by ' + duration(Math.abs(offset)) + ')' : '') + '.';
    renderChannels((await call('GET', '/_sim/channels')).channels, nowMs);
    renderDeliveries((await call('GET', '/_sim/deliveries')).deliveries);
    await renderModules();
  } finally {
    refreshing = false;
  }
}
refresh();
setInterval(refresh, 2000);
</script></body></html>`;
}
