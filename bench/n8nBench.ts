import { loadavg } from 'node:os';

import type { E2eEnvironment } from '../tools/n8n/environment';
import {
	eventually,
	executionsOf,
	startEnvironment,
	triggerWorkflow,
} from '../tools/n8n/environment';
import { simClient } from '../tools/simulator/client';
import type { LoadResult } from './load';
import { best, load } from './load';
import { queueBench } from './queueBench';
import type { Section } from './report';
import { cpuMilliseconds } from './cpuTime';
import { balancedRounds, median, summaryRow } from './rounds';
import type { LoadTarget } from './rounds';
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

const BIGIN_WORKFLOW = 'benchBigin';
const BIGIN_WEBHOOK = '3b4c5d6e-7f80-4192-a3b4-c5d6e7f80912';
const REPLAY_OFF_WORKFLOW = 'benchBiginNoRepl';
const REPLAY_OFF_WEBHOOK = '2a3b4c5d-6e7f-4081-92a3-b4c5d6e7f809';

interface SingleProcessRun extends EngineRun {
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
	targets: LoadTarget[],
	forgedBody: string,
	engine: string,
): Promise<SingleProcessRun> {
	const peer = targets[1];
	await eventually(
		async () =>
			(
				await fetch([peer.url].flat()[0], {
					method: 'POST',
					body: peer.body,
					headers: { 'content-type': 'application/json', ...peer.headers },
				})
			).status === 200,
		30_000,
		'the peer workflows',
	);
	process.stdout.write(
		`Load (${ENGINE_LABELS[engine]}): ${ROUNDS} balanced rounds × ${SECONDS} s × ${CONNECTIONS} connections per target (${targets.map((target) => target.label).join(', ')}), after a warm-up\n`,
	);
	const settle = async () => await new Promise<void>((resolve) => setTimeout(resolve, 1000));
	const results = await balancedRounds(targets, {
		rounds: ROUNDS,
		seconds: SECONDS,
		connections: CONNECTIONS,
		settle,
		cpuUsed: () => cpuMilliseconds([env.n8n.pid].filter((pid) => pid !== undefined)),
	});
	await new Promise((resolve) => setTimeout(resolve, 2000));
	const newestBefore = await newestExecutionId(env, BIGIN_WORKFLOW);
	const forged: LoadResult[] = [];
	for (let round = 0; round < 2; round++)
		forged.push(
			await load(targets[0].url, forgedBody, { seconds: SECONDS, connections: CONNECTIONS }),
		);
	await new Promise((resolve) => setTimeout(resolve, 2000));
	const newestAfter = await newestExecutionId(env, BIGIN_WORKFLOW);
	const forgedExecutions =
		newestAfter === newestBefore ? 0 : Number(newestAfter) - Number(newestBefore);
	return {
		results,
		labels: targets.map((target) => target.label),
		forged: best(forged),
		forgedExecutions,
	};
}

/** Figures 1 and 2 in one real n8n process, then webhook load in queue mode. */
export async function n8nBench(): Promise<Section[]> {
	const sections = await singleProcessBench();
	process.stdout.write('Webhook load in queue mode (main, worker, webhook processors)\n');
	return [...sections, await queueBench()];
}

/** Figures 1 and 2, measured in one real n8n: accepted and forged notifications. */
export async function singleProcessBench(): Promise<Section[]> {
	const loadBefore = loadavg()[0];
	const env = await startEnvironment('bench');
	const sim = simClient(env.sim);
	const github = await startGithubStub();
	try {
		await env.n8n.importWorkflow(
			triggerWorkflow(BIGIN_WORKFLOW, BIGIN_WEBHOOK, ['Contacts.create'], { fetchRecords: false }),
		);
		await env.n8n.importWorkflow(
			triggerWorkflow(REPLAY_OFF_WORKFLOW, REPLAY_OFF_WEBHOOK, ['Contacts.create'], {
				fetchRecords: false,
				ignoreRepeats: false,
			}),
		);
		for (const id of [BIGIN_WORKFLOW, REPLAY_OFF_WORKFLOW]) await env.n8n.publish(id);
		await importPeers(env.n8n, github.credential);
		await env.n8n.start({ N8N_EXPRESSION_ENGINE: ENGINES[0] });

		const biginUrl = `${env.n8n.url}/webhook/${BIGIN_WEBHOOK}/webhook`;
		const replayOffUrl = `${env.n8n.url}/webhook/${REPLAY_OFF_WEBHOOK}/webhook`;
		const urls = { bigin: biginUrl, ...peerUrls([env.n8n.url]) };
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
			'the two channels',
		);
		const channelOf = (url: string) => {
			const channel = channels.find((entry) => entry.notify_url === url);
			if (!channel) throw new Error(`no channel for ${url}`);
			return channel;
		};
		const notification = biginNotification(env.sim.url, channelOf(biginUrl));
		const replayOff = {
			url: replayOffUrl,
			body: biginNotification(env.sim.url, channelOf(replayOffUrl)),
		};
		const forged = JSON.stringify({ ...JSON.parse(notification), token: 'forged-token' });

		const runs: Record<string, SingleProcessRun> = {};
		for (const engine of ENGINES) {
			if (engine !== ENGINES[0]) {
				await env.n8n.stop();
				await env.n8n.start({ N8N_EXPRESSION_ENGINE: engine });
			}
			const targets = loadTargets(engine, urls, notification, github.secret(), replayOff);
			runs[engine] = await measureLoad(env, targets, forged, engine);
		}

		const throughput: Section = {
			title: '1. Webhook throughput and latency',
			description: `One n8n on loopback with published workflows of the same shape, each a single start node that answers at once: Bigin Trigger (record fetching off), n8n's own Webhook node, and n8n's GitHub Trigger (its API replaced by a local stub; every delivery carries a valid \`X-Hub-Signature-256\`, so each call takes its verified path). autocannon sent Bigin Trigger and the Webhook node valid Bigin notifications, each a new one (its record id new in every request), ${roundsNote('the n8n process (and its task runner)')} Every accepted request starts and stores an execution. Under the legacy engine a second Bigin Trigger with Ignore Repeated Notifications off ran beside them, so that the figure for replay protection compares it on and off in the same rounds. ${ENGINE_NOTE} ${machineLoad(loadBefore)}`,
			figures: ENGINES.flatMap((engine) => engineFigures(engine, runs[engine], '')),
			table: {
				header: ['engine', 'workflow', 'median req/s', 'p50', 'p99', 'CPU per request', 'statuses'],
				rows: ENGINES.flatMap((engine) =>
					runs[engine].labels.map((label, index) =>
						summaryRow([ENGINE_LABELS[engine]], label, runs[engine].results[index]),
					),
				),
			},
		};
		const forgedFigures = ENGINES.flatMap((engine) => {
			const { forged: f, forgedExecutions } = runs[engine];
			const accepted = median(runs[engine].results[0].map((result) => result.requestsPerSecond));
			return [
				{
					name: `Forged notifications, ${ENGINE_LABELS[engine]}`,
					value: `${rps(f.requestsPerSecond)}, p50 ${ms(f.p50)}, p99 ${ms(f.p99)} (statuses ${JSON.stringify(f.statuses)})`,
				},
				{
					name: `Cheaper than accepted ones (throughput forged / accepted), ${ENGINE_LABELS[engine]}`,
					value: (f.requestsPerSecond / accepted).toFixed(2),
					target: '> 1',
					met: f.requestsPerSecond > accepted,
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

		return [throughput, forgedSection];
	} finally {
		await env.stop();
		await github.stop();
	}
}
