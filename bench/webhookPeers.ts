import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The workflows Bigin Trigger is compared with, each a single start node answering at once:
 * n8n's own Webhook node (n8n exempts it from the per-call expression isolate) and n8n's GitHub
 * Trigger, a built-in service trigger of the same shape as Bigin Trigger (verified webhook calls).
 */
export const WEBHOOK_WORKFLOW = 'benchWebhook';
export const WEBHOOK_PATH = 'bench-webhook';
export const GITHUB_WORKFLOW = 'benchGithub';
export const GITHUB_WEBHOOK = '6e7f8091-a2b3-44c5-d6e7-f8091a2b3c4d';
const GITHUB_CREDENTIAL = { id: 'benchGithubCred1', name: 'GitHub (local stub)' };

export function webhookWorkflow() {
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

export function githubWorkflow() {
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
