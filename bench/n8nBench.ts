import type { E2eEnvironment } from '../test/e2e/support/environment';
import {
	eventually,
	executionsOf,
	nodeOutput,
	startEnvironment,
	triggerWorkflow,
} from '../test/e2e/support/environment';
import { simClient } from '../test/support/simClient';
import { n8nVersion } from '../scripts/lib/paths';
import type { LoadResult } from './load';
import { best, load } from './load';
import type { Section } from './report';

const BIGIN_WORKFLOW = 'benchBigin';
const BIGIN_WEBHOOK = '3b4c5d6e-7f80-4192-a3b4-c5d6e7f80912';
const FETCH_WORKFLOW = 'benchFetching';
const FETCH_WEBHOOK = '4c5d6e7f-8091-42a3-b4c5-d6e7f8091a2b';
const WEBHOOK_WORKFLOW = 'benchWebhook';
const ROUNDS = 2;
const SECONDS = 8;
const CONNECTIONS = 8;
const READ_DELAY_MS = 50;
const FETCH_CONCURRENCY = 5;
const LIMITED_CONCURRENCY = 2;

function webhookWorkflow() {
	return {
		id: WEBHOOK_WORKFLOW,
		name: 'Bench: n8n Webhook node',
		active: false,
		nodes: [
			{
				id: 'bench-webhook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '5d6e7f80-9102-43b4-c5d6-e7f8091a2b3c',
				parameters: {
					httpMethod: 'POST',
					path: 'bench-webhook',
					responseMode: 'onReceived',
					options: {},
				},
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

const ENGINES = ['vm', 'legacy'] as const;
const ENGINE_LABELS: Record<string, string> = {
	vm: 'default engine (isolated-vm)',
	legacy: 'legacy engine',
};

interface EngineRun {
	bigin: LoadResult;
	webhook: LoadResult;
	forged: LoadResult;
	forgedExecutions: number;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const rps = (value: number) => `${value.toFixed(0)} req/s`;

async function newestExecutionId(
	env: E2eEnvironment,
	workflowId: string,
): Promise<string | undefined> {
	return (await executionsOf(env.n8n, workflowId))[0]?.id;
}

async function measureLoad(
	env: E2eEnvironment,
	target: { biginUrl: string; webhookUrl: string; notification: string; forged: string },
	engine: string,
): Promise<EngineRun> {
	const options = { seconds: SECONDS, connections: CONNECTIONS };
	await eventually(
		async () =>
			(
				await fetch(target.webhookUrl, {
					method: 'POST',
					body: '{}',
					headers: { 'content-type': 'application/json' },
				})
			).status === 200,
		30_000,
		'the Webhook node',
	);
	process.stdout.write(
		`Load (${ENGINE_LABELS[engine]}): ${ROUNDS} rounds × ${SECONDS} s × ${CONNECTIONS} connections per target, alternating, after a warm-up\n`,
	);
	await load(target.biginUrl, target.notification, { ...options, seconds: 2 });
	await load(target.webhookUrl, target.notification, { ...options, seconds: 2 });
	const bigin: LoadResult[] = [];
	const webhook: LoadResult[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		bigin.push(await load(target.biginUrl, target.notification, options));
		webhook.push(await load(target.webhookUrl, target.notification, options));
	}
	await new Promise((resolve) => setTimeout(resolve, 2000));
	const newestBefore = await newestExecutionId(env, BIGIN_WORKFLOW);
	const forged: LoadResult[] = [];
	for (let round = 0; round < ROUNDS; round++)
		forged.push(await load(target.biginUrl, target.forged, options));
	await new Promise((resolve) => setTimeout(resolve, 2000));
	const newestAfter = await newestExecutionId(env, BIGIN_WORKFLOW);
	const forgedExecutions =
		newestAfter === newestBefore ? 0 : Number(newestAfter) - Number(newestBefore);
	return { bigin: best(bigin), webhook: best(webhook), forged: best(forged), forgedExecutions };
}

/** Figures 1–3, measured in one real n8n: accepted and forged notifications, and record fetching. */
export async function n8nBench(): Promise<Section[]> {
	const env = await startEnvironment('bench');
	const sim = simClient(env.sim);
	try {
		await env.n8n.importWorkflow(
			triggerWorkflow(BIGIN_WORKFLOW, BIGIN_WEBHOOK, ['Contacts.create'], { fetchRecords: false }),
		);
		await env.n8n.importWorkflow(triggerWorkflow(FETCH_WORKFLOW, FETCH_WEBHOOK, ['Contacts.edit']));
		await env.n8n.importWorkflow(webhookWorkflow());
		for (const id of [BIGIN_WORKFLOW, FETCH_WORKFLOW, WEBHOOK_WORKFLOW]) await env.n8n.publish(id);
		await env.n8n.start({ N8N_EXPRESSION_ENGINE: ENGINES[0] });

		const biginUrl = `${env.n8n.url}/webhook/${BIGIN_WEBHOOK}/webhook`;
		const webhookUrl = `${env.n8n.url}/webhook/bench-webhook`;
		const channels = await eventually(
			async () => {
				const list = (await sim.control('GET', 'channels')).channels as Array<{
					channel_id: string;
					token: string;
					notify_url: string;
				}>;
				return list.length === 2 ? list : undefined;
			},
			60_000,
			'both channels',
		);
		const channel = channels.find((entry) => entry.notify_url === biginUrl);
		if (!channel) throw new Error('no channel for the benchmark trigger');
		const notification = JSON.stringify({
			server_time: Date.now(),
			query_params: {},
			module: 'Contacts',
			resource_uri: `${env.sim.url}/bigin/v2/Contacts`,
			ids: ['6756839000000575001'],
			affected_fields: [],
			operation: 'insert',
			channel_id: channel.channel_id,
			token: channel.token,
		});
		const forged = JSON.stringify({ ...JSON.parse(notification), token: 'forged-token' });

		const runs: Record<string, EngineRun> = {};
		for (const engine of ENGINES) {
			if (engine !== ENGINES[0]) {
				await env.n8n.stop();
				await env.n8n.start({ N8N_EXPRESSION_ENGINE: engine });
			}
			runs[engine] = await measureLoad(env, { biginUrl, webhookUrl, notification, forged }, engine);
		}

		const throughputFigures = ENGINES.flatMap((engine) => {
			const { bigin: b, webhook: w } = runs[engine];
			const throughputRatio = b.requestsPerSecond / w.requestsPerSecond;
			const p99Ratio = b.p99 / Math.max(w.p99, 1);
			return [
				{
					name: `Throughput ratio, ${ENGINE_LABELS[engine]}`,
					value: throughputRatio.toFixed(3),
					target: '≥ 0.95',
					met: throughputRatio >= 0.95,
				},
				{
					name: `p99 ratio, ${ENGINE_LABELS[engine]}`,
					value: p99Ratio.toFixed(3),
					target: '≤ 1.1',
					met: p99Ratio <= 1.1,
				},
			];
		});
		const throughput: Section = {
			title: '1. Webhook throughput and latency',
			description: `One n8n on loopback with two published workflows of the same shape: Bigin Trigger (record fetching off) and n8n's own Webhook node (respond immediately). autocannon sent both the same valid Bigin notification, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s each after a warm-up; the best round of each is reported. Every accepted request starts and stores an execution. It ran twice: with n8n's default expression engine, and with \`N8N_EXPRESSION_ENGINE=legacy\`. With the default engine n8n ${n8nVersion()} acquires an expression isolate for every webhook call whose start node is not its own Webhook node (\`LiveWebhooks.webhookPhaseNeedsIsolate\` exempts only \`n8n-nodes-base.webhook\`), so every community trigger pays that cost on each call; the legacy engine treats both alike and shows the trigger's own cost.`,
			figures: throughputFigures,
			table: {
				header: ['engine', 'workflow', 'req/s', 'p50', 'p99', 'statuses'],
				rows: ENGINES.flatMap((engine) => [
					[
						ENGINE_LABELS[engine],
						'Bigin Trigger',
						rps(runs[engine].bigin.requestsPerSecond),
						ms(runs[engine].bigin.p50),
						ms(runs[engine].bigin.p99),
						JSON.stringify(runs[engine].bigin.statuses),
					],
					[
						ENGINE_LABELS[engine],
						'Webhook node',
						rps(runs[engine].webhook.requestsPerSecond),
						ms(runs[engine].webhook.p50),
						ms(runs[engine].webhook.p99),
						JSON.stringify(runs[engine].webhook.statuses),
					],
				]),
			},
		};
		const forgedFigures = ENGINES.flatMap((engine) => {
			const { bigin: b, forged: f, forgedExecutions } = runs[engine];
			return [
				{
					name: `Forged notifications, ${ENGINE_LABELS[engine]}`,
					value: `${rps(f.requestsPerSecond)}, p50 ${ms(f.p50)}, p99 ${ms(f.p99)} (statuses ${JSON.stringify(f.statuses)})`,
				},
				{
					name: `Cheaper than accepted ones (throughput forged / accepted), ${ENGINE_LABELS[engine]}`,
					value: (f.requestsPerSecond / b.requestsPerSecond).toFixed(2),
					target: '> 1',
					met: f.requestsPerSecond > b.requestsPerSecond,
				},
				{
					name: `Executions started by forged requests, ${ENGINE_LABELS[engine]}`,
					value: String(forgedExecutions),
					target: '0',
					met: forgedExecutions === 0,
				},
			];
		});
		const forgedSection: Section = {
			title: '2. Forged-request cost',
			description:
				'The same load against Bigin Trigger with a wrong verification token: each request is answered 401 before any execution starts.',
			figures: forgedFigures,
		};

		const fetchChannel = channels.find((entry) => entry.notify_url.includes(FETCH_WEBHOOK));
		/** Sends one update notification for `ids` and reads what the execution did. */
		const fetchRun = async (ids: string[]) => {
			await sim.request('DELETE', '/_sim/requests');
			const before = await newestExecutionId(env, FETCH_WORKFLOW);
			await sim.control('POST', 'notify', {
				channel_id: fetchChannel?.channel_id,
				module: 'Contacts',
				operation: 'update',
				ids,
			});
			const execution = await eventually(
				async () => {
					const [newest] = await executionsOf(env.n8n, FETCH_WORKFLOW);
					return newest && newest.id !== before && newest.status === 'success' ? newest : undefined;
				},
				120_000,
				'the fetching execution',
			);
			const detail = await env.n8n.api<{
				data: { resultData: { runData: Record<string, Array<{ executionTime: number }>> } };
			}>('GET', `/executions/${execution.id}?includeData=true`);
			const reads = (
				(await sim.control('GET', 'requests')).requests as Array<{
					method: string;
					path: string;
					status: number;
				}>
			).filter(
				(request) => request.method === 'GET' && request.path.startsWith('/bigin/v2/Contacts/'),
			);
			return {
				nodeTime: detail.body.data.resultData.runData['Bigin Trigger'][0].executionTime,
				calls: reads.length,
				refused: reads.filter((request) => request.status === 429).length,
				delivered: nodeOutput(execution, 'Bigin Trigger').filter(
					(item) => item.recordFound === true,
				).length,
			};
		};

		const fetchingRows: string[][] = [];
		let fetchingMet = true;
		await sim.control('POST', 'config', { recordReadDelayMs: READ_DELAY_MS });
		for (const count of [1, 10, 100]) {
			const ids = Array.from({ length: count }, (_, index) =>
				String(6756839100000000000n + BigInt(index)),
			);
			const { nodeTime, calls } = await fetchRun(ids);
			const expected = Math.ceil(count / FETCH_CONCURRENCY) * READ_DELAY_MS;
			fetchingMet &&= calls === count && nodeTime < expected * 2 + 200;
			fetchingRows.push([String(count), String(calls), `${nodeTime} ms`, `${expected} ms`]);
		}
		const fetching: Section = {
			title: '3. Record fetching',
			description: `A Bigin Trigger with record fetching on; the simulator delays every record read by ${READ_DELAY_MS} ms. Notifications carry 1, 10 and 100 ids; "wall time" is the trigger node's execution time in n8n, "ideal" is ids / ${FETCH_CONCURRENCY} (the concurrency) × ${READ_DELAY_MS} ms.`,
			figures: [
				{
					name: 'One API call per id, wall time near ids / concurrency × delay',
					value: fetchingMet ? 'yes' : 'no',
					target: 'calls = ids, wall ≈ ideal',
					met: fetchingMet,
				},
			],
			table: { header: ['ids', 'API calls', 'wall time', 'ideal'], rows: fetchingRows },
		};

		const created = await sim.control('POST', 'records/Contacts', {
			data: Array.from({ length: 100 }, (_, index) => ({ Last_Name: `Bench ${index}` })),
		});
		const contactIds = (created.data as Array<{ details: { id: string } }>).map(
			(entry) => entry.details.id,
		);
		await sim.control('POST', 'config', {
			recordConcurrencyLimit: LIMITED_CONCURRENCY,
			concurrencyRetryAfterSeconds: 1,
		});
		const limitedRows: string[][] = [];
		let allDelivered = true;
		for (const count of [10, 100]) {
			const run = await fetchRun(contactIds.slice(0, count));
			allDelivered &&= run.delivered === count;
			limitedRows.push([
				String(count),
				`${run.delivered}/${count}`,
				String(run.refused),
				String(run.calls),
				`${run.nodeTime} ms`,
			]);
		}
		await sim.control('POST', 'config', { recordConcurrencyLimit: 0, recordReadDelayMs: 0 });
		const limited: Section = {
			title: "3b. Record fetching under Bigin's concurrency limit",
			description: `The same trigger, with existing records, against a simulator that serves ${LIMITED_CONCURRENCY} record calls at once (each held ${READ_DELAY_MS} ms) and answers any more with 429 and Retry-After: 1. The trigger reads ${FETCH_CONCURRENCY} at a time and retries each refused read after the Retry-After; "wall time" is the trigger node's execution time in n8n.`,
			figures: [
				{
					name: 'Every record delivered despite 429s',
					value: allDelivered ? 'yes' : 'no',
					target: 'all',
					met: allDelivered,
				},
			],
			table: {
				header: ['ids', 'delivered', '429 answers', 'API calls', 'wall time'],
				rows: limitedRows,
			},
		};
		return [throughput, forgedSection, fetching, limited];
	} finally {
		await env.stop();
	}
}
