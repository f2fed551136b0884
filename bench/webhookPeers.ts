import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { N8nInstance } from '../tools/n8n/n8nInstance';

/**
 * The workflows Bigin Trigger is compared with, each a single start node answering at once:
 * n8n's own Webhook node (n8n exempts it from the per-call expression isolate) and n8n's GitHub
 * Trigger, a built-in service trigger of the same shape as Bigin Trigger (verified webhook calls).
 * A third, the Webhook node in a workflow that also holds a credential, measures what n8n itself
 * adds to every execution of such a workflow (its credential permission check before each run),
 * which Bigin Trigger, holding the Bigin credential, always pays.
 */
const WEBHOOK_WORKFLOW = 'benchWebhook';
const WEBHOOK_PATH = 'bench-webhook';
const CREDENTIALED_WEBHOOK_WORKFLOW = 'benchWebhookCred';
const CREDENTIALED_WEBHOOK_PATH = 'bench-webhook-credential';
const GITHUB_WORKFLOW = 'benchGithub';
const GITHUB_WEBHOOK = '6e7f8091-a2b3-44c5-d6e7-f8091a2b3c4d';
const GITHUB_CREDENTIAL = { id: 'benchGithubCred1', name: 'GitHub (local stub)' };

function webhookNode(path: string, webhookId: string) {
	return {
		id: `node-${path}`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId,
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
}

/** A workflow of unconnected nodes, inactive until the bench publishes it. */
function benchWorkflow(id: string, name: string, nodes: object[]) {
	return { id, name, active: false, nodes, connections: {}, settings: { executionOrder: 'v1' } };
}

/** The repository the GitHub nodes name; the stub answers for any. */
const GITHUB_REPOSITORY = {
	owner: { __rl: true, mode: 'name', value: 'acme' },
	repository: { __rl: true, mode: 'name', value: 'widgets' },
};

function webhookWorkflow() {
	return benchWorkflow(WEBHOOK_WORKFLOW, 'Bench: n8n Webhook node', [
		webhookNode(WEBHOOK_PATH, '5d6e7f80-9102-43b4-c5d6-e7f8091a2b3c'),
	]);
}

/**
 * The Webhook node beside a GitHub node that is never reached (nothing connects to it): n8n checks
 * before every execution that the workflow may use the credentials of all its nodes, so this
 * workflow pays that check and nothing else more than the bare Webhook node's.
 */
function credentialedWebhookWorkflow() {
	return benchWorkflow(
		CREDENTIALED_WEBHOOK_WORKFLOW,
		'Bench: n8n Webhook node, credential in the workflow',
		[
			webhookNode(CREDENTIALED_WEBHOOK_PATH, '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d'),
			{
				id: 'bench-github-unreached',
				name: 'GitHub',
				type: 'n8n-nodes-base.github',
				typeVersion: 1.1,
				position: [300, 0],
				parameters: {
					authentication: 'accessToken',
					resource: 'issue',
					operation: 'get',
					...GITHUB_REPOSITORY,
					issueNumber: 1,
				},
				credentials: { githubApi: GITHUB_CREDENTIAL },
			},
		],
	);
}

function githubWorkflow() {
	return benchWorkflow(GITHUB_WORKFLOW, 'Bench: n8n GitHub Trigger', [
		{
			id: 'bench-github',
			name: 'Github Trigger',
			type: 'n8n-nodes-base.githubTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: GITHUB_WEBHOOK,
			parameters: {
				authentication: 'accessToken',
				...GITHUB_REPOSITORY,
				events: ['issues'],
				options: {},
			},
			credentials: { githubApi: GITHUB_CREDENTIAL },
		},
	]);
}

/** Imports the peers, and the GitHub stub's credential, into an n8n and publishes them. */
export async function importPeers(n8n: N8nInstance, githubCredential: object): Promise<void> {
	await n8n.importCredentials([githubCredential]);
	for (const workflow of [webhookWorkflow(), credentialedWebhookWorkflow(), githubWorkflow()]) {
		await n8n.importWorkflow(workflow);
		await n8n.publish(workflow.id);
	}
}

/** The peers' production URLs on each of these n8n processes. */
export function peerUrls(baseUrls: string[]): {
	webhook: string[];
	credentialedWebhook: string[];
	github: string[];
} {
	return {
		webhook: baseUrls.map((base) => `${base}/webhook/${WEBHOOK_PATH}`),
		credentialedWebhook: baseUrls.map((base) => `${base}/webhook/${CREDENTIALED_WEBHOOK_PATH}`),
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
