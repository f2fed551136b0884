import { loadavg } from 'node:os';

import { n8nVersion } from '../tools/n8n/paths';
import type { LoadResult } from './load';
import { FRESH_ID } from './load';
import type { Figure } from './report';
import type { LoadTarget } from './rounds';
import { comparison } from './rounds';
import { githubDelivery } from './webhookPeers';

/**
 * Webhook load settings shared by the single-process and the queue-mode figures. Eight rounds by
 * default: with two or four targets, each runs equally often in each position (roundOrder); a
 * multiple of six also balances three.
 */
export const ROUNDS = Number(process.env.BENCH_ROUNDS) || 8;
export const SECONDS = 6;
export const CONNECTIONS = 8;

export const ENGINES = ['vm', 'legacy'] as const;
export const ENGINE_LABELS: Record<string, string> = {
	vm: 'default engine (isolated-vm)',
	legacy: 'legacy engine',
};

export const ENGINE_NOTE = `Each configuration ran with n8n's default expression engine and with \`N8N_EXPRESSION_ENGINE=legacy\`. With the default engine n8n ${n8nVersion()} acquires an expression isolate for every webhook call whose start node is not its own Webhook node (\`LiveWebhooks.webhookPhaseNeedsIsolate\` exempts only \`n8n-nodes-base.webhook\`), so every community or built-in service trigger pays that cost on each call: there the fair peer is n8n's GitHub Trigger, and the Webhook node is shown for reference. The legacy engine treats all start nodes alike, so there the Webhook node is the peer. Beside it ran the same Webhook node in a workflow that also holds a GitHub node nothing connects to: n8n checks before every execution that the workflow may use the credentials of its nodes (\`CredentialsPermissionChecker.check\`, a database query per execution), which the bare Webhook node skips and every trigger that holds a credential, Bigin Trigger among them, pays. Bigin Trigger against that workflow shows the trigger's own cost; that workflow against the bare Webhook node shows n8n's check.`;

/** How the rounds run and what CPU per request means, for the sections' descriptions. */
export function roundsNote(measuredProcesses: string): string {
	return `${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per target after a warm-up, in a balanced order (each round starts one target further and every other block of rounds runs backwards, so over a multiple of twice the targets each runs equally often in each position, and with two or three targets also after each other; earlier runs alternated the order, which kept a third target always in the middle). Ratios are the median of the per-round ratios, with their range. CPU per request is the CPU time ${measuredProcesses} used during a load and its settling, divided by the requests answered: what each request cost, however the scheduler shared the two cores with the load generator.`;
}

/** Other work on the machine shows in the spread of the rounds; say how busy it was. */
export function machineLoad(before: number): string {
	return `Load average of the machine (1 min): ${before.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after.`;
}

export interface EngineRun {
	/** Per target, one result per round: Bigin Trigger first, then its peers. */
	results: LoadResult[][];
	labels: string[];
}

/** Bigin Trigger's workflow with Ignore Repeated Notifications off: what replay protection costs. */
export const REPLAY_OFF_LABEL = 'Bigin Trigger, replay protection off';

const WEBHOOK_LABEL = 'Webhook node';

/** The Webhook node in a workflow holding a credential: n8n's per-execution credential check. */
export const CREDENTIALED_WEBHOOK_LABEL = 'Webhook node, credential in the workflow';

/**
 * A valid Bigin notification for a live channel, as the simulator would send it. Its record id is
 * new in every request (load.ts), so that each request is a new notification, as in production,
 * and replay protection drops none of them.
 */
export function biginNotification(
	simulatorUrl: string,
	channel: { channel_id: string; token: string },
): string {
	return JSON.stringify({
		server_time: Date.now(),
		query_params: {},
		module: 'Contacts',
		resource_uri: `${simulatorUrl}/bigin/v2/Contacts`,
		ids: [FRESH_ID],
		affected_fields: [],
		operation: 'insert',
		channel_id: channel.channel_id,
		token: channel.token,
	});
}

/**
 * The webhook targets of one configuration, Bigin Trigger first and its fair peer second: n8n's
 * GitHub Trigger under the default engine (the Webhook node follows for reference), n8n's Webhook
 * node under the legacy engine, followed there by the Webhook node in a workflow holding a
 * credential and, when `replayOff` gives its URL and notification, Bigin Trigger without replay
 * protection.
 */
export function loadTargets(
	engine: string,
	urls: Record<'bigin' | 'github' | 'webhook' | 'credentialedWebhook', string | string[]>,
	notification: string,
	githubSecret: string,
	replayOff?: { url: string | string[]; body: string },
): LoadTarget[] {
	const bigin = { label: 'Bigin Trigger', url: urls.bigin, body: notification };
	const webhook = { label: WEBHOOK_LABEL, url: urls.webhook, body: notification };
	const github = { label: 'GitHub Trigger', url: urls.github, ...githubDelivery(githubSecret) };
	if (engine === 'vm') return [bigin, github, webhook];
	const credentialed = {
		label: CREDENTIALED_WEBHOOK_LABEL,
		url: urls.credentialedWebhook,
		body: notification,
	};
	return [
		bigin,
		webhook,
		credentialed,
		...(replayOff ? [{ label: REPLAY_OFF_LABEL, ...replayOff }] : []),
	];
}

/**
 * Bigin Trigger against each peer of one engine (targets apply to the fair peer only); where they
 * ran, the credentialed Webhook node against the bare one (what n8n's credential check costs) and
 * Bigin Trigger against itself without replay protection (what that protection costs).
 */
export function engineFigures(engine: string, run: EngineRun, where: string): Figure[] {
	const peers = run.labels
		.slice(1)
		.filter((label) => label !== REPLAY_OFF_LABEL)
		.flatMap((label, index) =>
			comparison(
				`Bigin Trigger / ${label}, ${ENGINE_LABELS[engine]}${where}${index === 0 ? '' : ' (reference)'}`,
				run.results[0],
				run.results[index + 1],
				index === 0,
			),
		);
	const resultsOf = (label: string) => run.results[run.labels.indexOf(label)];
	const credentialCheck = run.labels.includes(CREDENTIALED_WEBHOOK_LABEL)
		? comparison(
				`${CREDENTIALED_WEBHOOK_LABEL} / bare ${WEBHOOK_LABEL} (what n8n's credential check costs), ${ENGINE_LABELS[engine]}${where}`,
				resultsOf(CREDENTIALED_WEBHOOK_LABEL),
				resultsOf(WEBHOOK_LABEL),
				false,
			)
		: [];
	const replayProtection = run.labels.includes(REPLAY_OFF_LABEL)
		? comparison(
				`Bigin Trigger with replay protection / without it (what the protection costs), ${ENGINE_LABELS[engine]}${where}`,
				run.results[0],
				resultsOf(REPLAY_OFF_LABEL),
				false,
			)
		: [];
	return [...peers, ...credentialCheck, ...replayProtection];
}
