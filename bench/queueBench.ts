import { loadavg } from 'node:os';

import type { QueueCluster } from '../tools/n8n/queueCluster';
import { eventually, triggerWorkflow } from '../tools/n8n/environment';
import { startQueueEnvironment } from '../tools/n8n/queueEnvironment';
import { simClient } from '../tools/simulator/client';
import { cpuMilliseconds } from './cpuTime';
import type { Figure, Section } from './report';
import { balancedRounds, median, summaryRow } from './rounds';
import { importPeers, peerUrls, startGithubStub } from './webhookPeers';
import type { EngineRun } from './webhookLoad';
import {
	CONNECTIONS,
	ENGINES,
	ENGINE_LABELS,
	ENGINE_NOTE,
	ROUNDS,
	roundsNote,
	SECONDS,
	biginNotification,
	engineFigures,
	loadTargets,
	machineLoad,
} from './webhookLoad';

const BIGIN_WORKFLOW = 'benchQueueBigin';
const BIGIN_WEBHOOK = '9d5b6a7f-8e9d-42a3-9ebf-3a4b5c6d7e8f';
const REPLAY_OFF_WORKFLOW = 'benchQueueNoRepl';
const REPLAY_OFF_WEBHOOK = '8c4a5b6e-7d8c-4192-8dae-2f3a4b5c6d7f';
const DRAIN_TIMEOUT_MS = 120_000;

const count = (text: string, needle: string) => text.split(needle).length - 1;

/**
 * Waits until the worker has finished every execution the webhook processors enqueued, so the
 * next load does not share the machine with the last one's backlog.
 */
async function drained(cluster: QueueCluster): Promise<void> {
	const enqueued = () =>
		cluster.webhookProcessors.reduce(
			(total, processor) => total + count(processor.logs, 'Enqueued execution'),
			0,
		);
	const done = () =>
		count(cluster.worker.logs, 'Worker finished execution') +
		count(cluster.worker.logs, 'Worker errored while running execution');
	// A load that ends mid-request can leave a count behind; a round must not hang on it.
	await eventually(async () => done() >= enqueued(), DRAIN_TIMEOUT_MS, 'the queue to drain').catch(
		() =>
			process.stdout.write(`  the queue did not drain: ${enqueued()} enqueued, ${done()} done\n`),
	);
}

interface QueueRun {
	one: EngineRun;
	two: EngineRun;
}

function scaling(engine: string, run: QueueRun): Figure[] {
	return run.two.labels.map((label, index) => {
		const rate = (results: EngineRun) =>
			median(results.results[index].map((result) => result.requestsPerSecond));
		return {
			name: `Two webhook processors / one, ${label}, ${ENGINE_LABELS[engine]}`,
			value: `${(rate(run.two) / rate(run.one)).toFixed(2)} × the throughput`,
		};
	});
}

/** Webhook load through n8n's webhook processors in queue mode, with one processor and with two. */
export async function queueBench(): Promise<Section> {
	const loadBefore = loadavg()[0];
	const github = await startGithubStub();
	const env = await startQueueEnvironment('bench-queue', { webhookProcessors: 2 });
	const { cluster } = env;
	try {
		await cluster.main.importWorkflow(
			triggerWorkflow(BIGIN_WORKFLOW, BIGIN_WEBHOOK, ['Contacts.create'], { fetchRecords: false }),
		);
		await cluster.main.importWorkflow(
			triggerWorkflow(REPLAY_OFF_WORKFLOW, REPLAY_OFF_WEBHOOK, ['Contacts.create'], {
				fetchRecords: false,
				ignoreRepeats: false,
			}),
		);
		for (const id of [BIGIN_WORKFLOW, REPLAY_OFF_WORKFLOW]) await cluster.main.publish(id);
		await importPeers(cluster.main, github.credential);

		const processors = cluster.webhookProcessors.map((processor) => processor.url);
		const urls = {
			bigin: processors.map((base) => `${base}/webhook/${BIGIN_WEBHOOK}/webhook`),
			...peerUrls(processors),
		};
		const replayOffUrls = processors.map((base) => `${base}/webhook/${REPLAY_OFF_WEBHOOK}/webhook`);
		const runs: Record<string, QueueRun> = {};
		for (const engine of ENGINES) {
			await cluster.stopProcesses();
			await cluster.start({ N8N_EXPRESSION_ENGINE: engine });
			const channelOf = async (url: string) =>
				await eventually(
					async () =>
						(
							(await simClient(env.sim).control('GET', 'channels')).channels as Array<{
								channel_id: string;
								token: string;
								notify_url: string;
							}>
						).find((channel) => channel.notify_url === url),
					60_000,
					`the channel for ${url}`,
				);
			const notification = biginNotification(env.sim.url, await channelOf(urls.bigin[0]));
			const replayOffBody = biginNotification(env.sim.url, await channelOf(replayOffUrls[0]));
			const options = { rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS };
			const settle = async () => await drained(cluster);
			const cpuUsed = () => cpuMilliseconds(cluster.pids);
			const configuration = async (processors: 1 | 2) => {
				const targets = loadTargets(
					engine,
					{
						bigin: urls.bigin.slice(0, processors),
						webhook: urls.webhook.slice(0, processors),
						credentialedWebhook: urls.credentialedWebhook.slice(0, processors),
						github: urls.github.slice(0, processors),
					},
					notification,
					github.secret(),
					processors === 1
						? { url: replayOffUrls.slice(0, processors), body: replayOffBody }
						: undefined,
				).slice(0, processors === 2 && engine === 'vm' ? 2 : undefined);
				process.stdout.write(
					`Queue mode (${ENGINE_LABELS[engine]}, ${processors} webhook processor${processors === 1 ? '' : 's'}): ${targets.map((target) => target.label).join(', ')}\n`,
				);
				const results = await balancedRounds(targets, { ...options, settle, cpuUsed });
				return { results, labels: targets.map((target) => target.label) };
			};
			runs[engine] = { one: await configuration(1), two: await configuration(2) };
		}

		return {
			title: '1b. Webhook throughput in queue mode',
			description: `n8n in queue mode on the same machine: PostgreSQL, Redis, one main (\`N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true\`), one worker and two \`n8n webhook\` processors, the same workflows as in section 1. Each webhook call is verified on a webhook processor, which stores an execution in PostgreSQL, enqueues it in Redis and answers; the worker runs it. autocannon loaded one webhook processor, then both (connections shared round-robin, as behind a load balancer), ${roundsNote('every process of the cluster (main, worker, webhook processors, PostgreSQL and Redis)')} After each load the worker drained the queue before the next began. Every notification was a new one (its record id new in every request). With one processor and the legacy engine, a second Bigin Trigger with Ignore Repeated Notifications off ran beside them, for the cost of replay protection; with two processors it did not, nor did the Webhook node under the default engine (shown there for reference only). Everything, load generator included, shares the machine's cores, so the two-processor figures show what a second process costs on the same cores, not what a second machine would add. ${ENGINE_NOTE} ${machineLoad(loadBefore)}`,
			figures: ENGINES.flatMap((engine) => [
				...engineFigures(engine, runs[engine].one, ', one webhook processor'),
				...engineFigures(engine, runs[engine].two, ', two webhook processors'),
				...scaling(engine, runs[engine]),
			]),
			table: {
				header: [
					'engine',
					'webhook processors',
					'workflow',
					'median req/s',
					'p50',
					'p99',
					'CPU per request',
					'statuses',
				],
				rows: ENGINES.flatMap((engine) =>
					(['one', 'two'] as const).flatMap((processors) =>
						runs[engine][processors].labels.map((label, index) =>
							summaryRow(
								[ENGINE_LABELS[engine], processors === 'one' ? '1' : '2'],
								label,
								runs[engine][processors].results[index],
							),
						),
					),
				),
			},
		};
	} finally {
		await env.stop();
		await github.stop();
	}
}
