import { DEFAULT_BIGIN_SCOPES } from '../credentials/BiginOAuth2Api.credentials';
import { executeContext } from '../tools/contexts/contexts';
import { simulatorCredentials, testNode } from '../tools/contexts/nodeHarness';
import type { RunningSimulator } from '../tools/simulator';
import { startSimulator } from '../tools/simulator';
import { MODULE_FIELDS } from '../tools/simulator/fields';
import { notificationItems } from '../nodes/Bigin/trigger/notificationItems';
import { addRecords } from '../nodes/Bigin/trigger/recordFetch';
import type { Section } from './report';
import { median } from './rounds';

const READ_DELAY_MS = 50;
const ROUNDS = 5;
const COUNTS = [1, 10, 100];
const LIMITED_CONCURRENCY = 2;

interface Mode {
	label: string;
	scope: string;
}

const BY_QUERY: Mode = { label: 'COQL', scope: DEFAULT_BIGIN_SCOPES };
const ONE_BY_ONE: Mode = {
	label: 'one by one',
	scope: DEFAULT_BIGIN_SCOPES.split(',')
		.filter((scope) => scope !== 'ZohoBigin.coql.READ')
		.join(','),
};

interface Run {
	wallMs: number;
	calls: number;
	queries: number;
	refused: number;
	delivered: number;
}

/**
 * One notification of `ids` through the trigger's record step (the code an execution runs first),
 * with a credential whose Scope is the mode's, over real HTTP through n8n's HTTP client; the
 * simulator's request log counts the calls.
 */
async function fetchOnce(sim: RunningSimulator, mode: Mode, ids: string[]): Promise<Run> {
	const credentials = await simulatorCredentials(sim, mode.scope);
	credentials.scope = mode.scope;
	const input = notificationItems({
		server_time: Date.now(),
		module: 'Contacts',
		ids,
		operation: 'update',
		channel_id: '4711',
	}).map((json) => ({ json }));
	const context = executeContext({
		node: testNode('biginTrigger'),
		credentials,
		parameters: { options: {} },
		input,
	});
	sim.state.requestLog = [];
	const startedAt = performance.now();
	const [output] = await addRecords.call(context);
	const wallMs = performance.now() - startedAt;
	const calls = sim.state.requestLog.filter((entry) => entry.path.startsWith('/bigin/'));
	return {
		wallMs,
		calls: calls.length,
		queries: calls.filter((entry) => entry.path === '/bigin/v2/coql').length,
		refused: calls.filter((entry) => entry.status === 429).length,
		delivered: output.filter((item) => item.json.recordFound === true).length,
	};
}

/** The median wall time of a few runs; calls are the same every run. */
async function fetchRounds(sim: RunningSimulator, mode: Mode, ids: string[]): Promise<Run> {
	const runs: Run[] = [];
	for (let round = 0; round < ROUNDS; round++) runs.push(await fetchOnce(sim, mode, ids));
	return { ...runs[0], wallMs: median(runs.map((run) => run.wallMs)) };
}

const ms = (value: number) => `${Math.round(value)} ms`;

/**
 * Figures 3 and 3b: a notification's records read through Bigin's Query API and one by one, side
 * by side against the same simulator; `npm run bench -- fetching` runs them alone.
 */
export async function recordFetching(): Promise<Section[]> {
	const sim = await startSimulator({ config: { recordReadDelayMs: READ_DELAY_MS } });
	try {
		const created = await fetch(`${sim.url}/_sim/records/Contacts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				data: Array.from({ length: 100 }, (_, index) => ({
					Last_Name: `Bench ${index}`,
					Loyalty_Points: index,
				})),
			}),
		});
		const ids = ((await created.json()) as { data: Array<{ details: { id: string } }> }).data.map(
			(entry) => entry.details.id,
		);
		const fieldGroups = Math.ceil(MODULE_FIELDS.Contacts.length / 50);

		const oneCall = await fetchRounds(sim, ONE_BY_ONE, ids.slice(0, 1));
		const measured: Array<{ count: number; mode: Mode; run: Run }> = [];
		for (const count of COUNTS) {
			for (const mode of [BY_QUERY, ONE_BY_ONE])
				measured.push({ count, mode, run: await fetchRounds(sim, mode, ids.slice(0, count)) });
		}
		const find = (entries: typeof measured, mode: Mode, count: number) =>
			(
				entries.find(
					(entry) => entry.mode === mode && entry.count === count,
				) as (typeof measured)[0]
			).run;
		const delivered = (entries: typeof measured) =>
			entries.every((entry) => entry.run.delivered === entry.count);
		const hundred = find(measured, BY_QUERY, 100);
		const fetching: Section = {
			title: '3. Record fetching',
			description: `The Bigin Trigger's record step (the first thing its executions run) for notifications of 1, 10 and 100 updated contacts, run in this process over real HTTP through n8n's HTTP client against the simulator, which holds every record read (GET or query) ${READ_DELAY_MS} ms; the module's field list (\`settings/fields\`) is answered at once. "COQL": a credential with the default Scope, so from 3 ids the records are read through Bigin's Query API (the field list, then one query per 50 fields and 200 ids, in \`id in (…)\` lists of 50 joined with \`or\`); "one by one": the same Scope without \`ZohoBigin.coql.READ\`, as every notification was read before this version (one GET per id, 5 at a time). Contacts has ${MODULE_FIELDS.Contacts.length} fields: one field group. Wall time is the median of ${ROUNDS} runs; one call (one GET of one record) took ${ms(oneCall.wallMs)}.`,
			figures: [
				{
					name: 'Queries per field group, 100 ids, 50 values per in list',
					value: String(hundred.queries / fieldGroups),
					target: '≤ 2',
					met: hundred.queries / fieldGroups <= 2,
				},
				{
					name: 'API calls per record, 100 ids, field list included',
					value: `${(hundred.calls / 100).toFixed(2)} (one by one: ${(find(measured, ONE_BY_ONE, 100).calls / 100).toFixed(2)})`,
					target: '≤ 0.02',
					met: hundred.calls / 100 <= 0.02,
				},
				{
					name: 'Wall time, 100 ids, as a multiple of one call',
					value: `${(hundred.wallMs / oneCall.wallMs).toFixed(2)} (${ms(hundred.wallMs)} / ${ms(oneCall.wallMs)})`,
					target: '≤ 1.5',
					met: hundred.wallMs <= 1.5 * oneCall.wallMs,
				},
				{
					name: 'Every record delivered',
					value: delivered(measured) ? 'yes' : 'no',
					target: 'all',
					met: delivered(measured),
				},
			],
			table: {
				header: [
					'ids',
					'reads',
					'delivered',
					'API calls',
					'of them queries',
					'calls per record',
					'wall time',
				],
				rows: measured.map(({ count, mode, run }) => [
					String(count),
					mode.label,
					`${run.delivered}/${count}`,
					String(run.calls),
					String(run.queries),
					(run.calls / count).toFixed(2),
					ms(run.wallMs),
				]),
			},
		};

		await fetch(`${sim.url}/_sim/config`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				recordConcurrencyLimit: LIMITED_CONCURRENCY,
				concurrencyRetryAfterSeconds: 1,
			}),
		});
		const limited: typeof measured = [];
		for (const count of [10, 100]) {
			for (const mode of [BY_QUERY, ONE_BY_ONE])
				limited.push({ count, mode, run: await fetchOnce(sim, mode, ids.slice(0, count)) });
		}
		const refusedAt100 = [BY_QUERY, ONE_BY_ONE].map((mode) => find(limited, mode, 100).refused);
		const concurrency: Section = {
			title: "3b. Record fetching under Bigin's concurrency limit",
			description: `The same step against a simulator that serves ${LIMITED_CONCURRENCY} record calls at once (each held ${READ_DELAY_MS} ms) and answers any more with 429 and Retry-After: 1, as a bulk edit meets it. Refused calls are retried through the package's one retry policy, after the Retry-After. One run per row.`,
			figures: [
				{
					name: 'Every record delivered, both ways',
					value: delivered(limited) ? 'yes' : 'no',
					target: 'all',
					met: delivered(limited),
				},
				{
					name: '429 answers at 100 ids, COQL vs one by one',
					value: `${refusedAt100[0]} vs ${refusedAt100[1]}`,
					target: 'fewer through COQL',
					met: refusedAt100[0] < refusedAt100[1],
				},
			],
			table: {
				header: ['ids', 'reads', 'delivered', '429 answers', 'API calls', 'wall time'],
				rows: limited.map(({ count, mode, run }) => [
					String(count),
					mode.label,
					`${run.delivered}/${count}`,
					String(run.refused),
					String(run.calls),
					ms(run.wallMs),
				]),
			},
		};
		return [fetching, concurrency];
	} finally {
		await sim.stop();
	}
}
