import type { E2eEnvironment } from '../../tools/n8n/environment';
import {
	credentials,
	eventually,
	executionsOf,
	nodeOutput,
	scenario,
	startEnvironment,
} from '../../tools/n8n/environment';
import { n8nVersion } from '../../tools/n8n/paths';
import { customAccountsServerFields } from '../../tools/n8n/simulatorCredential';
import { simClient } from '../../tools/simulator/client';

jest.setTimeout(10 * 60 * 1000);

const ACTIONS_WORKFLOW = 'wfBiginActions01';
const OAUTH_WORKFLOW = 'wfBiginOAuth0001';

function webhookStart(path: string, webhookId: string) {
	return {
		id: `${path}-start`,
		name: 'Start',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId,
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData: 'allEntries',
			options: {},
		},
	};
}

function biginNode(
	name: string,
	x: number,
	parameters: Record<string, unknown>,
	nodeCredentials: object = credentials,
) {
	return {
		id: `node-${name.replace(/\W/g, '')}`,
		name,
		type: 'n8n-nodes-bigin.bigin',
		typeVersion: 1,
		position: [x, 0],
		executeOnce: true,
		parameters: { resource: 'notification', ...parameters },
		credentials: nodeCredentials,
	};
}

function chain(names: string[]) {
	return Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, index) => [
				name,
				{ main: [[{ node: names[index + 1], type: 'main', index: 0 }]] },
			]),
	);
}

const enableParameters = {
	operation: 'enable',
	notifyUrl: 'https://receiver.example.com/bigin',
	events: ['Contacts.create', 'Pipelines.edit'],
	customEvents: '',
	expiryType: 'hours',
	expiresInHours: 2,
	channelId: '424242',
	token: '',
	options: {},
};

describe(`Bigin node and OAuth2 in a real n8n ${n8nVersion()}`, () => {
	let env: E2eEnvironment;
	let sim: ReturnType<typeof simClient>;

	beforeAll(async () => {
		env = await startEnvironment('actions');
		sim = simClient(env.sim);
		await env.n8n.importWorkflow({
			id: ACTIONS_WORKFLOW,
			name: 'Bigin channel management e2e',
			active: false,
			nodes: [
				webhookStart('bigin-actions', '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'),
				biginNode('Enable', 200, enableParameters),
				biginNode('List', 400, {
					operation: 'getAll',
					returnAll: true,
					filters: { channelId: '424242' },
				}),
				biginNode('Renew', 600, {
					operation: 'renew',
					channelId: '424242',
					expiryType: 'hours',
					expiresInHours: 20,
				}),
				biginNode('Disable', 800, { operation: 'disable', channelIds: '424242' }),
			],
			connections: chain(['Start', 'Enable', 'List', 'Renew', 'Disable']),
			settings: { executionOrder: 'v1' },
		});
		await env.n8n.publish(ACTIONS_WORKFLOW);
		await env.n8n.start();
	});
	afterAll(async () => await env?.stop());

	/** Calls a Webhook-node workflow once it is registered: activation finishes after n8n reports ready. */
	async function callWebhook(path: string): Promise<Response> {
		return await eventually(
			async () => {
				const response = await fetch(`${env.n8n.url}/webhook/${path}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}',
				});
				return response.status === 404 ? undefined : response;
			},
			30_000,
			`the webhook ${path} to be registered`,
		);
	}

	it('8. the Bigin node, run in a workflow, enables, lists, renews and disables a channel', async () => {
		const response = await callWebhook('bigin-actions');
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual([
			{
				channel_id: '424242',
				disabled: true,
				modules: ['Contacts', 'Pipelines'],
				code: 'SUCCESS',
				message: 'Channel disabled',
			},
		]);
		const [execution] = await executionsOf(env.n8n, ACTIONS_WORKFLOW);
		expect(execution.status).toBe('success');
		const enabled = nodeOutput(execution, 'Enable');
		expect(enabled).toHaveLength(1);
		expect(
			(enabled[0].modules as Array<{ resource_name: string }>).map(
				(module) => module.resource_name,
			),
		).toEqual(['Contacts', 'Pipelines']);
		expect(Date.parse(String(enabled[0].channel_expiry))).toBeLessThan(
			Date.now() + 2.1 * 3600 * 1000,
		);
		expect(nodeOutput(execution, 'List').map((item) => item.channel_id)).toEqual(['424242']);
		const renewed = nodeOutput(execution, 'Renew');
		expect(Date.parse(String(renewed[0].channel_expiry))).toBeGreaterThan(
			Date.now() + 19.9 * 3600 * 1000,
		);
		expect((await sim.control('GET', 'channels')).channels).toEqual([]);
		const calls = (await sim.control('GET', 'requests')).requests.map(
			(request: { method: string; path: string }) => `${request.method} ${request.path}`,
		);
		expect(calls).toEqual([
			'POST /bigin/v2/actions/watch',
			'GET /bigin/v2/actions/watch',
			'GET /bigin/v2/actions/watch',
			'PUT /bigin/v2/actions/watch',
			'DELETE /bigin/v2/actions/watch',
		]);
		scenario('the Bigin node enabled, listed, renewed and disabled a channel inside a workflow');
	});

	it("9. a credential connected through n8n's OAuth2 flow works, and an expired access token is refreshed transparently", async () => {
		const issued = await sim.control('POST', 'tokens');
		const created = await env.n8n.rest<{ data: { id: string } }>('POST', '/credentials', {
			name: 'Bigin (connected through OAuth2)',
			type: 'biginOAuth2Api',
			data: {
				...customAccountsServerFields(env.sim.url),
				clientId: issued.client_id,
				clientSecret: issued.client_secret,
				scope: 'ZohoBigin.notifications.ALL,ZohoBigin.modules.ALL',
			},
		});
		expect(created.status).toBe(200);
		const credentialId = created.body.data.id;

		const authorization = await env.n8n.rest<{ data: string }>(
			'GET',
			`/oauth2-credential/auth?id=${credentialId}`,
		);
		expect(authorization.status).toBe(200);
		const authUrl = new URL(authorization.body.data);
		expect(`${authUrl.origin}${authUrl.pathname}`).toBe(`${env.sim.url}/oauth/v2/auth`);
		expect(authUrl.searchParams.get('access_type')).toBe('offline');
		expect(authUrl.searchParams.get('prompt')).toBe('consent');

		const consent = await fetch(authUrl, { redirect: 'manual' });
		expect(consent.status).toBe(302);
		const callback = new URL(String(consent.headers.get('location')));
		expect(callback.pathname).toBe('/rest/oauth2-credential/callback');
		const finished = await env.n8n.rest(
			'GET',
			`${callback.pathname.replace(/^\/rest/, '')}${callback.search}`,
		);
		expect(finished.status).toBe(200);

		await env.n8n.importWorkflow({
			id: OAUTH_WORKFLOW,
			name: 'Bigin OAuth2 e2e',
			active: false,
			nodes: [
				webhookStart('bigin-oauth', '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a'),
				biginNode(
					'List',
					200,
					{ operation: 'getAll', returnAll: true, filters: {} },
					{ biginOAuth2Api: { id: credentialId, name: 'Bigin (connected through OAuth2)' } },
				),
			],
			connections: chain(['Start', 'List']),
			settings: { executionOrder: 'v1' },
		});
		expect((await env.n8n.api('POST', `/workflows/${OAUTH_WORKFLOW}/activate`)).status).toBe(200);
		const call = async () => await callWebhook('bigin-oauth');

		await sim.request('DELETE', '/_sim/requests');
		expect((await call()).status).toBe(200);
		await sim.control('POST', 'expire-tokens');
		expect((await call()).status).toBe(200);
		const executions = await eventually(
			async () => {
				const list = await executionsOf(env.n8n, OAUTH_WORKFLOW);
				return list.length >= 2 ? list : undefined;
			},
			30_000,
			'two executions',
		);
		expect(executions.slice(0, 2).map((execution) => execution.status)).toEqual([
			'success',
			'success',
		]);
		const log = (await sim.control('GET', 'requests')).requests.map(
			(request: { method: string; path: string; status: number; auth: string }) =>
				`${request.method} ${request.path} ${request.status}`,
		);
		expect(log).toEqual([
			'GET /bigin/v2/actions/watch 204',
			'GET /bigin/v2/actions/watch 401',
			'POST /oauth/v2/token 200',
			'GET /bigin/v2/actions/watch 204',
		]);
		scenario(
			"OAuth2 connected through n8n's own flow; an expired token was refreshed on 401 and the call retried",
		);
	});
});
