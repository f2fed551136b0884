import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { N8nInstance } from '../tools/n8n/n8nInstance';

/**
 * The workflows Bigin Trigger is compared with, each a single start node answering at once:
 * n8n's own Webhook node (n8n exempts it from the per-call expression isolate) and n8n's GitHub
 * Trigger, a built-in service trigger of the same shape as Bigin Trigger (verified webhook calls).
 */
const WEBHOOK_WORKFLOW = 'benchWebhook';
const WEBHOOK_PATH = 'bench-webhook';
const GITHUB_WORKFLOW = 'benchGithub';
const GITHUB_WEBHOOK = '6e7f8091-a2b3-44c5-d6e7-f8091a2b3c4d';
const GITHUB_CREDENTIAL = { id: 'benchGithubCred1', name: 'GitHub (local stub)' };

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
					path: WEBHOOK_PATH,
					responseMode: 'onReceived',
					options: {},
				},
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

function githubWorkflow() {
	return {
		id: GITHUB_WORKFLOW,
		name: 'Bench: n8n GitHub Trigger',
		active: false,
		nodes: [
			{
				id: 'bench-github',
				name: 'Github Trigger',
				type: 'n8n-nodes-base.githubTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: GITHUB_WEBHOOK,
				parameters: {
					authentication: 'accessToken',
					owner: { __rl: true, mode: 'name', value: 'acme' },
					repository: { __rl: true, mode: 'name', value: 'widgets' },
					events: ['issues'],
					options: {},
				},
				credentials: { githubApi: GITHUB_CREDENTIAL },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

/** Imports the peers, and the GitHub stub's credential, into an n8n and publishes them. */
export async function importPeers(n8n: N8nInstance, githubCredential: object): Promise<void> {
	await n8n.importCredentials([githubCredential]);
	for (const workflow of [webhookWorkflow(), githubWorkflow()]) {
		await n8n.importWorkflow(workflow);
		await n8n.publish(workflow.id);
	}
}

/** The peers' production URLs on each of these n8n processes. */
export function peerUrls(baseUrls: string[]): { webhook: string[]; github: string[] } {
	return {
		webhook: baseUrls.map((base) => `${base}/webhook/${WEBHOOK_PATH}`),
		github: baseUrls.map((base) => `${base}/webhook/${GITHUB_WEBHOOK}/webhook`),
	};
}

/**
 * A stand-in for the three GitHub API calls GitHub Trigger makes on activation and deactivation.
 * It keeps the signing secret the trigger registers, so the benchmark can sign its deliveries the
 * way GitHub does and every call takes the trigger's verified path.
 */
export async function startGithubStub(): Promise<{
	credential: object;
	secret(): string;
	stop(): Promise<void>;
}> {
	let secret = '';
	const server = createServer((request, response) => {
		let raw = '';
		request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
		request.on('end', () => {
			const hook = { id: 1, active: true, events: ['issues'], config: { url: '' } };
			response.setHeader('content-type', 'application/json');
			if (request.method === 'POST') {
				const body = JSON.parse(raw) as { config: { url: string; secret: string } };
				secret = body.config.secret;
				hook.config.url = body.config.url;
				response.statusCode = 201;
			} else if (request.method === 'DELETE') {
				response.statusCode = 204;
				response.end();
				return;
			}
			response.end(JSON.stringify(hook));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		credential: {
			...GITHUB_CREDENTIAL,
			type: 'githubApi',
			data: { server: url, user: 'bench', accessToken: 'bench-token' },
		},
		secret: () => secret,
		stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** A GitHub `issues` delivery about as large as a Bigin notification, signed as GitHub signs it. */
export function githubDelivery(secret: string): { body: string; headers: Record<string, string> } {
	const body = JSON.stringify({
		action: 'opened',
		issue: { id: 2895671234, number: 1, title: 'Bench' },
		repository: { full_name: 'acme/widgets' },
	});
	return {
		body,
		headers: {
			'x-github-event': 'issues',
			'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
		},
	};
}
