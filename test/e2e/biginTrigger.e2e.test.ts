import type { IDataObject } from 'n8n-workflow';

import type { E2eEnvironment } from '../../tools/n8n/environment';
import {
	eventually,
	executionsOf,
	nodeOutput,
	scenario,
	startEnvironment,
	triggerWorkflow,
} from '../../tools/n8n/environment';
import { n8nVersion } from '../../tools/n8n/paths';
import { simulatorCredential } from '../../tools/n8n/simulatorCredential';
import { readingFromEnvironment } from '../../tools/simulator/readings';
import { simClient } from '../../tools/simulator/client';
import { readStoredChannel } from '../../nodes/Bigin/trigger/storedChannel';

jest.setTimeout(10 * 60 * 1000);

const CONTACTS_WORKFLOW = 'wfBiginContacts1';
const CONTACTS_WEBHOOK = '5f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b';
const TASKS_WORKFLOW = 'wfBiginTasks0001';
const TASKS_WEBHOOK = '6a2e3d4c-5b6a-4f70-9b8c-0d1e2f3a4b5c';
const STALE_WORKFLOW = 'wfBiginStale0001';
const STALE_WEBHOOK = '7b3f4e5d-6c7b-4081-8c9d-1e2f3a4b5c6d';
const REVOKED_WORKFLOW = 'wfBiginRevoked01';
const REVOKED_WEBHOOK = '9d5b6a7f-8e9d-42a3-8ebf-3a4b5c6d7e8f';
/** A credential of its own, whose grant scenario 10 revokes. */
const REVOKED_CREDENTIAL = { id: 'biginSimRevoked1', name: 'Bigin (revoked in scenario 10)' };

/** BIGIN_SIM_READING=hostile runs every scenario against the most hostile reading of Bigin. */
const reading = readingFromEnvironment();

/**
 * How long scenario 4 watches one-minute channels. The readings differ in activation and in
 * renewals past a channel's first day, not within these minutes, so the second run watches less.
 */
const SHORT_CHANNEL_WATCH =
	reading.name === 'default reading' ? { ms: 150_000, renewals: 3 } : { ms: 100_000, renewals: 2 };

/**
 * A workflow whose execution outlives a re-activation and then saves the whole static data it
 * loaded, trigger node's included: a Wait, then a Code node writing global static data.
 */
function staleWriterWorkflow() {
	const base = triggerWorkflow(STALE_WORKFLOW, STALE_WEBHOOK, ['Products.create'], {
		fetchRecords: false,
	});
	return {
		...base,
		nodes: [
			...base.nodes,
			{
				id: `${STALE_WORKFLOW}-wait`,
				name: 'Wait',
				type: 'n8n-nodes-base.wait',
				typeVersion: 1.1,
				position: [200, 0],
				webhookId: '8c4a5f6e-7d8c-4192-9dae-2f3a4b5c6d7e',
				parameters: { resume: 'timeInterval', amount: 8, unit: 'seconds' },
			},
			{
				id: `${STALE_WORKFLOW}-code`,
				name: 'Count in static data',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [400, 0],
				parameters: {
					jsCode:
						"const data = $getWorkflowStaticData('global');\ndata.runs = (data.runs || 0) + 1;\nreturn $input.all();",
				},
			},
		],
		connections: {
			'Bigin Trigger': { main: [[{ node: 'Wait', type: 'main', index: 0 }]] },
			Wait: { main: [[{ node: 'Count in static data', type: 'main', index: 0 }]] },
		},
	};
}

interface SimChannel {
	channel_id: string;
	events: string[];
	notify_url: string;
	token: string;
	expires_in_seconds: number;
}

describe(`Bigin Trigger in a real n8n ${n8nVersion()}, ${reading.name}`, () => {
	let env: E2eEnvironment;
	let sim: ReturnType<typeof simClient>;
	let productionUrl: string;
	let revokedRefreshToken: string;

	beforeAll(async () => {
		env = await startEnvironment('trigger', reading.config);
		sim = simClient(env.sim);
		await env.n8n.importWorkflow(
			triggerWorkflow(CONTACTS_WORKFLOW, CONTACTS_WEBHOOK, [
				'Contacts.create',
				'Contacts.edit',
				'Accounts.all',
			]),
		);
		await env.n8n.importWorkflow(
			triggerWorkflow(TASKS_WORKFLOW, TASKS_WEBHOOK, ['Tasks.create'], { fetchRecords: false }),
		);
		await env.n8n.importWorkflow(staleWriterWorkflow());
		const revokable = (await simulatorCredential(env.sim.url, REVOKED_CREDENTIAL)) as {
			data: { oauthTokenData: { refresh_token: string } };
		};
		revokedRefreshToken = revokable.data.oauthTokenData.refresh_token;
		await env.n8n.importCredentials([revokable]);
		await env.n8n.importWorkflow({
			...triggerWorkflow(REVOKED_WORKFLOW, REVOKED_WEBHOOK, ['Calls.create']),
			nodes: triggerWorkflow(REVOKED_WORKFLOW, REVOKED_WEBHOOK, ['Calls.create']).nodes.map(
				(node) => ({ ...node, credentials: { biginOAuth2Api: REVOKED_CREDENTIAL } }),
			),
		});
		await env.n8n.publish(CONTACTS_WORKFLOW);
		await env.n8n.start();
		productionUrl = `${env.n8n.url}/webhook/${CONTACTS_WEBHOOK}/webhook`;
	});
	afterAll(async () => await env?.stop());

	const channels = async (): Promise<SimChannel[]> =>
		(await sim.control('GET', 'channels')).channels;
	const channelFor = async (url: string) =>
		(await channels()).find((channel) => channel.notify_url === url);
	const executionCount = async (workflowId: string) =>
		(await executionsOf(env.n8n, workflowId)).length;

	async function newExecution(workflowId: string, before: number) {
		try {
			return await eventually(
				async () => {
					const executions = await executionsOf(env.n8n, workflowId);
					return executions.length > before && executions[0].status === 'success'
						? executions[0]
						: undefined;
				},
				30_000,
				`an execution of ${workflowId}`,
			);
		} catch (error) {
			const deliveries = (await sim.control('GET', 'deliveries')).deliveries
				.slice(-5)
				.map(
					(delivery: { url: string; status: number | null; response?: string; error?: string }) =>
						`${delivery.url} → ${delivery.status ?? delivery.error} ${delivery.response ?? ''}`,
				);
			const workflow = await env.n8n.api<{ staticData?: Record<string, Record<string, unknown>> }>(
				'GET',
				`/workflows/${workflowId}`,
			);
			const stored = Object.entries(workflow.body.staticData ?? {}).map(
				([key, value]) =>
					`${key}: ${Object.keys(value).join(',')} channel ${String(readStoredChannel(value as IDataObject)?.channelId)}`,
			);
			const executions = (await executionsOf(env.n8n, workflowId))
				.slice(0, 3)
				.map((execution) => `${execution.id} ${execution.mode} ${execution.status}`);
			throw new Error(
				`${(error as Error).message}\nstatic data: ${stored.join('; ') || 'none'}\nlast deliveries:\n${deliveries.join('\n')}\nnewest executions: ${executions.join(', ')}\nn8n log tail:\n${env.n8n.logs.split('\n').slice(-25).join('\n')}`,
			);
		}
	}

	it('1. activation registers exactly one channel for the production webhook URL, with events, token and an expiry under 24 h', async () => {
		const registered = await eventually(
			async () => ((await channels()).length > 0 ? await channels() : undefined),
			30_000,
			'the channel',
		);
		expect(registered).toHaveLength(1);
		const [channel] = registered;
		expect(channel).toMatchObject({
			notify_url: productionUrl,
			events: ['Contacts.create', 'Contacts.edit', 'Accounts.all'],
		});
		expect(channel.channel_id).toMatch(/^\d{15}$/);
		expect(channel.token).toHaveLength(40);
		expect(channel.expires_in_seconds).toBeGreaterThan(22.9 * 3600);
		expect(channel.expires_in_seconds).toBeLessThan(24 * 3600);
		expect(env.n8n.logs).not.toContain(channel.token);
		scenario('activation registered one channel for the production URL');
	});

	it('2. a record created in Bigin starts an execution holding the record; several ids give one item per id', async () => {
		const before = await executionCount(CONTACTS_WORKFLOW);
		const created = await sim.control('POST', 'records/Contacts', {
			Last_Name: 'Okonkwo',
			Email: 'ada@example.com',
		});
		const execution = await newExecution(CONTACTS_WORKFLOW, before);
		const [item] = nodeOutput(execution, 'Bigin Trigger');
		expect(item).toMatchObject({
			module: 'Contacts',
			event: 'Contacts.create',
			operation: 'create',
			recordId: created.data[0].details.id,
			recordFound: true,
			record: { Last_Name: 'Okonkwo', Email: 'ada@example.com' },
		});

		const contacts = (await sim.control('GET', 'records/Contacts')).data.slice(0, 3);
		const token = await sim.token();
		await sim.request('PUT', '/bigin/v2/Contacts', {
			token,
			body: {
				data: contacts.map((contact: { id: string }) => ({ id: contact.id, Title: 'Partner' })),
			},
		});
		const batch = await newExecution(CONTACTS_WORKFLOW, before + 1);
		const items = nodeOutput(batch, 'Bigin Trigger');
		expect(items.map((entry) => entry.recordId)).toEqual(
			contacts.map((contact: { id: string }) => contact.id),
		);
		expect(
			items.every(
				(entry) =>
					(entry.record as { Title: string }).Title === 'Partner' &&
					entry.event === 'Contacts.edit',
			),
		).toBe(true);
		expect(JSON.stringify([items, nodeOutput(execution, 'Bigin Trigger')])).not.toContain(
			(await channels())[0].token,
		);
		scenario('a record change became an execution with the record; a batch became one item per id');
	});

	it('3. forged notifications are rejected and start no execution', async () => {
		const [channel] = await channels();
		const before = await executionCount(CONTACTS_WORKFLOW);
		const genuine = {
			server_time: Date.now(),
			query_params: {},
			module: 'Contacts',
			ids: ['1'],
			affected_fields: [],
			operation: 'insert',
			channel_id: channel.channel_id,
			token: channel.token,
		};
		const post = (body: string, contentType = 'application/json') =>
			fetch(productionUrl, { method: 'POST', headers: { 'content-type': contentType }, body });
		expect((await post(JSON.stringify({ ...genuine, token: 'forged-token' }))).status).toBe(401);
		expect((await post(JSON.stringify({ ...genuine, channel_id: '123456789012345' }))).status).toBe(
			401,
		);
		expect((await post('this is not json', 'text/plain')).status).toBeGreaterThanOrEqual(400);
		expect((await post('{"token": ', 'application/json')).status).toBeGreaterThanOrEqual(400);
		expect((await fetch(productionUrl, { method: 'GET' })).status).toBeGreaterThanOrEqual(400);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(await executionCount(CONTACTS_WORKFLOW)).toBe(before);
		scenario(
			'forged calls (wrong token, wrong channel, not JSON, wrong method) were refused, no execution',
		);
	});

	it('7. "listen for test event" creates a test channel, outputs the real payload, and leaves production alone', async () => {
		const production = await channelFor(productionUrl);
		const workflowData = (
			await env.n8n.rest<{ data: object }>('GET', `/workflows/${CONTACTS_WORKFLOW}`)
		).body.data;
		const started = await env.n8n.rest<{ data: { waitingForWebhook?: boolean } }>(
			'POST',
			`/workflows/${CONTACTS_WORKFLOW}/run`,
			{ workflowData, triggerToStartFrom: { name: 'Bigin Trigger' } },
		);
		expect(started.status).toBe(200);
		expect(started.body.data.waitingForWebhook).toBe(true);
		const testUrl = `${env.n8n.url}/webhook-test/${CONTACTS_WEBHOOK}/webhook`;
		const testChannel = await eventually(
			async () => await channelFor(testUrl),
			30_000,
			'the test channel',
		);
		expect(testChannel.channel_id).not.toBe(production?.channel_id);

		const before = await executionsOf(env.n8n, CONTACTS_WORKFLOW);
		const created = await sim.control('POST', 'records/Contacts', { Last_Name: 'Testmode' });
		const manual = await eventually(
			async () => {
				const executions = await executionsOf(env.n8n, CONTACTS_WORKFLOW);
				return executions.find(
					(execution) =>
						execution.mode === 'manual' &&
						!before.some((old) => old.id === execution.id) &&
						execution.status === 'success',
				);
			},
			30_000,
			'the test execution',
		);
		expect(nodeOutput(manual, 'Bigin Trigger')).toEqual([
			expect.objectContaining({
				event: 'Contacts.create',
				recordId: created.data[0].details.id,
				record: expect.objectContaining({ Last_Name: 'Testmode' }),
			}),
		]);
		await eventually(
			async () => (await channelFor(testUrl)) === undefined,
			30_000,
			'the test channel to be removed',
		);
		expect(await channelFor(productionUrl)).toMatchObject({
			channel_id: production?.channel_id,
			token: production?.token,
		});
		scenario(
			'test listening used its own channel, showed the real payload, and removed only that channel',
		);
	});

	it('4. with expiries capped at a minute, the channel never lapses over several minutes, a failed renewal included', async () => {
		await sim.control('POST', 'config', { expiryCapSeconds: 60 });
		try {
			await keepsOneMinuteChannelsAlive();
		} finally {
			await sim.control('POST', 'config', { expiryCapSeconds: 0 });
		}
	});

	async function keepsOneMinuteChannelsAlive(): Promise<void> {
		const activated = await env.n8n.api('POST', `/workflows/${TASKS_WORKFLOW}/activate`);
		expect(activated.status).toBe(200);
		const tasksUrl = `${env.n8n.url}/webhook/${TASKS_WEBHOOK}/webhook`;
		const first = await eventually(
			async () => await channelFor(tasksUrl),
			30_000,
			'the Tasks channel',
		);
		expect(first.expires_in_seconds).toBeLessThanOrEqual(60);

		const started = Date.now();
		let faultInjected = false;
		let lapses = 0;
		let renewals = 0;
		let lastExpiry = first.expires_in_seconds;
		while (Date.now() - started < SHORT_CHANNEL_WATCH.ms) {
			if (!faultInjected && Date.now() - started > 40_000) {
				// one more than the transport's own attempts, so that the renewal itself fails once
				await sim.control('POST', 'faults', {
					path: '/bigin/v2/actions/watch',
					method: 'PUT',
					count: 5,
					kind: 500,
					retryAfterSeconds: 0,
				});
				faultInjected = true;
			}
			const channel = await channelFor(tasksUrl);
			if (!channel) lapses += 1;
			else if (channel.expires_in_seconds > lastExpiry + 5) renewals += 1;
			lastExpiry = channel?.expires_in_seconds ?? 0;
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
		expect(lapses).toBe(0);
		expect(renewals).toBeGreaterThanOrEqual(SHORT_CHANNEL_WATCH.renewals);
		const puts = (await sim.control('GET', 'requests')).requests.filter(
			(request: { method: string; path: string; status: number }) =>
				request.method === 'PUT' && request.path === '/bigin/v2/actions/watch',
		);
		expect(puts.some((request: { status: number }) => request.status === 500)).toBe(true);
		expect(env.n8n.logs).toContain('renewing the notification channel failed; will retry');

		const before = await executionCount(TASKS_WORKFLOW);
		await sim.control('POST', 'records/Tasks', { Subject: 'Still listening' });
		const execution = await newExecution(TASKS_WORKFLOW, before);
		expect(nodeOutput(execution, 'Bigin Trigger')[0]).toMatchObject({ event: 'Tasks.create' });
		expect(nodeOutput(execution, 'Bigin Trigger')[0]).not.toHaveProperty('record');
		scenario(
			`a one-minute channel stayed alive for ${SHORT_CHANNEL_WATCH.ms / 1000} s through ${renewals} renewals and a failed attempt`,
		);
	}

	it('5. deactivating a workflow deletes its channel, and a renewal under way does not bring it back', async () => {
		const tasksUrl = `${env.n8n.url}/webhook/${TASKS_WEBHOOK}/webhook`;
		expect(await channelFor(tasksUrl)).toBeDefined();
		const watchPuts = async () =>
			(await sim.control('GET', 'requests')).requests.filter(
				(request: { method: string; path: string }) =>
					request.method === 'PUT' && request.path === '/bigin/v2/actions/watch',
			).length;
		const putsBefore = await watchPuts();
		// Bigin holds the next renewal for 4 s and then drops the connection; the transport retries it
		await sim.control('POST', 'faults', {
			path: '/bigin/v2/actions/watch',
			method: 'PUT',
			count: 1,
			kind: 'timeout',
			holdMs: 4000,
		});
		await eventually(async () => (await watchPuts()) > putsBefore, 60_000, 'a renewal under way');
		const deactivated = await env.n8n.api('POST', `/workflows/${TASKS_WORKFLOW}/deactivate`);
		expect(deactivated.status).toBe(200);
		await eventually(
			async () => (await channelFor(tasksUrl)) === undefined,
			30_000,
			'the channel to be deleted',
		);
		await new Promise((resolve) => setTimeout(resolve, 10_000));
		expect(await channelFor(tasksUrl)).toBeUndefined();
		expect(await channelFor(productionUrl)).toBeDefined();
		scenario(
			"deactivation deleted the channel while a renewal was under way, which did not re-create it; the other workflow's channel is untouched",
		);
	});

	it('8. a running execution that saves an older copy of static data after a re-activation never makes genuine notifications fail', async () => {
		const url = `${env.n8n.url}/webhook/${STALE_WEBHOOK}/webhook`;
		expect((await env.n8n.api('POST', `/workflows/${STALE_WORKFLOW}/activate`)).status).toBe(200);
		const first = await eventually(async () => await channelFor(url), 30_000, 'the channel');
		const before = await executionCount(STALE_WORKFLOW);
		await sim.control('POST', 'records/Products', { Product_Name: 'Loaded before' });
		await eventually(
			async () =>
				(await sim.control('GET', 'deliveries')).deliveries.some(
					(delivery: { url: string; status: number | null }) =>
						delivery.url === url && delivery.status === 200,
				),
			30_000,
			'the first notification to be accepted',
		);
		// While that execution waits, the workflow is re-activated: the channel is deleted and enabled again.
		expect((await env.n8n.api('POST', `/workflows/${STALE_WORKFLOW}/deactivate`)).status).toBe(200);
		expect((await env.n8n.api('POST', `/workflows/${STALE_WORKFLOW}/activate`)).status).toBe(200);
		const again = await eventually(async () => await channelFor(url), 30_000, 'the new channel');
		expect(again.channel_id).toBe(first.channel_id);
		await newExecution(STALE_WORKFLOW, before);
		const stored = await env.n8n.api<{ staticData?: { global?: { runs?: number } } }>(
			'GET',
			`/workflows/${STALE_WORKFLOW}`,
		);
		expect(stored.body.staticData?.global?.runs).toBeGreaterThanOrEqual(1);

		await sim.control('POST', 'records/Products', { Product_Name: 'After the stale write' });
		const execution = await newExecution(STALE_WORKFLOW, before + 1);
		expect(nodeOutput(execution, 'Bigin Trigger')[0]).toMatchObject({ event: 'Products.create' });
		expect((await env.n8n.api('POST', `/workflows/${STALE_WORKFLOW}/deactivate`)).status).toBe(200);
		scenario(
			'an execution wrote back the static data it loaded before a re-activation; the next notification was still accepted',
		);
	});

	it("10. a renewal Bigin refuses shows once in the workflow's executions, and in the error log", async () => {
		await sim.control('POST', 'config', { expiryCapSeconds: 60 });
		try {
			expect((await env.n8n.api('POST', `/workflows/${REVOKED_WORKFLOW}/activate`)).status).toBe(
				200,
			);
			const url = `${env.n8n.url}/webhook/${REVOKED_WEBHOOK}/webhook`;
			await eventually(async () => await channelFor(url), 30_000, 'the channel');
			await sim.request('POST', `/oauth/v2/token/revoke?token=${revokedRefreshToken}`);
			const failed = await eventually(
				async () => {
					const executions = await executionsOf(env.n8n, REVOKED_WORKFLOW);
					return executions.some((execution) => execution.status === 'error')
						? executions
						: undefined;
				},
				90_000,
				'a failed execution for the refused renewal',
			);
			const errors = failed.filter((execution) => execution.status === 'error');
			expect(errors).toHaveLength(1);
			expect(JSON.stringify(errors[0].data?.resultData)).toContain('Bigin');
			expect(env.n8n.logs).toContain('Bigin refused to renew the notification channel');
		} finally {
			await sim.control('POST', 'config', { expiryCapSeconds: 0 });
			await env.n8n.api('POST', `/workflows/${REVOKED_WORKFLOW}/deactivate`);
		}
		scenario('a refused renewal appeared once as a failed execution, and in the error log');
	});

	it.each([
		['the publication service (default)', {}],
		['the legacy activation path', { N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false' }],
	])(
		'6. after a restart through %s, a channel that expired while n8n was down is live again and events flow',
		async (label, restartEnv) => {
			const before = await channelFor(productionUrl);
			await env.n8n.stop();
			await sim.control('POST', 'clock', { advanceSeconds: 25 * 3600 });
			expect(await channelFor(productionUrl)).toBeUndefined();
			await sim.control('POST', 'clock', { offsetSeconds: 0 });
			expect(await channelFor(productionUrl)).toBeUndefined();

			await env.n8n.start(restartEnv);
			const revived = await eventually(
				async () => await channelFor(productionUrl),
				60_000,
				'the channel to come back',
			);
			expect(revived.channel_id).toBe(before?.channel_id);
			expect(revived.expires_in_seconds).toBeGreaterThan(22.9 * 3600);

			const count = await executionCount(CONTACTS_WORKFLOW);
			await sim.control('POST', 'records/Contacts', { Last_Name: `After restart ${label}` });
			const execution = await newExecution(CONTACTS_WORKFLOW, count);
			expect(nodeOutput(execution, 'Bigin Trigger')[0]).toMatchObject({
				record: expect.objectContaining({ Last_Name: `After restart ${label}` }),
			});
			scenario(`restart via ${label}: the expired channel was recreated and events flow`);
		},
	);

	it('9. a restart while Bigin is unreachable keeps the channel, registers the webhook, and events flow once Bigin is back', async () => {
		const before = await channelFor(productionUrl);
		expect(before).toBeDefined();
		await env.n8n.stop();
		await sim.control('POST', 'faults', {
			path: '/bigin/v2/actions/watch',
			method: 'GET',
			count: 1000,
			kind: 500,
			retryAfterSeconds: 0,
		});
		try {
			await env.n8n.start();
			await env.n8n.waitFor(
				async () => env.n8n.logs.includes('could not be reached to check the channel'),
				60_000,
				'activation to meet the outage',
			);
		} finally {
			await sim.control('DELETE', 'faults');
		}
		expect(await channelFor(productionUrl)).toMatchObject({
			channel_id: before?.channel_id,
			token: before?.token,
		});
		const count = await executionCount(CONTACTS_WORKFLOW);
		await sim.control('POST', 'records/Contacts', { Last_Name: 'After the outage' });
		const execution = await newExecution(CONTACTS_WORKFLOW, count);
		expect(nodeOutput(execution, 'Bigin Trigger')[0]).toMatchObject({
			record: expect.objectContaining({ Last_Name: 'After the outage' }),
		});
		scenario(
			'a restart during an outage kept the channel and the webhook; events flowed afterwards',
		);
	});

	it('5b. unpublishing the workflow deletes its channel', async () => {
		expect(await channelFor(productionUrl)).toBeDefined();
		const deactivated = await env.n8n.api('POST', `/workflows/${CONTACTS_WORKFLOW}/deactivate`);
		expect(deactivated.status).toBe(200);
		await eventually(async () => (await channels()).length === 0, 30_000, 'no channels left');
		scenario('unpublishing deleted the last channel');
	});
});
