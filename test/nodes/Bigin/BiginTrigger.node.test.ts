import type { IDataObject, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import type { RunningSimulator } from '../../bigin-simulator';
import { startSimulator } from '../../bigin-simulator';
import type { RegisteredCron, WebhookReply } from '../../support/contexts';
import {
	callWebhook,
	executeContext,
	hookContext,
	startReceiver,
	triggerContext,
} from '../../support/contexts';
import type { Credentials, LoggedLine, RequestRecorder } from '../../support/nodeHarness';
import { simulatorCredentials, testNode } from '../../support/nodeHarness';
import { simClient } from '../../support/simClient';
import { BiginTrigger } from '../../../nodes/Bigin/BiginTrigger.node';

const HOUR = 3600 * 1000;

describe('Bigin Trigger against the Bigin simulator', () => {
	let sim: RunningSimulator;
	let client: ReturnType<typeof simClient>;
	let credentials: Credentials;
	let recorder: RequestRecorder;
	let log: LoggedLine[];
	let staticData: IDataObject;
	let parameters: IDataObject;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	let executions: INodeExecutionData[][];
	let crons: RegisteredCron[];
	const trigger = new BiginTrigger();
	const node = testNode('biginTrigger');

	/** Mini n8n: webhook() answers Bigin; an accepted call starts an "execution" that runs execute(). */
	async function handleCall(body: unknown): Promise<WebhookReply> {
		const reply = await callWebhook(trigger.webhook, { node, staticData, body });
		if (reply.result.workflowData) {
			const context = executeContext({
				node,
				credentials,
				parameters,
				input: reply.result.workflowData[0],
				recorder,
				log,
			});
			executions.push((await trigger.execute.call(context))[0]);
		}
		return reply;
	}

	beforeAll(async () => {
		sim = await startSimulator();
		client = simClient(sim);
		receiver = await startReceiver(handleCall);
	});
	afterAll(async () => {
		await receiver.stop();
		await sim.stop();
	});
	beforeEach(async () => {
		sim.state.reset();
		credentials = await simulatorCredentials(sim);
		recorder = { requests: [], refreshes: 0 };
		log = [];
		staticData = {};
		crons = [];
		executions = [];
		parameters = {
			events: ['Contacts.create', 'Contacts.edit', 'Contacts.delete', 'Accounts.all'],
			options: {},
		};
	});
	afterEach(() => jest.useRealTimers());

	const hook = (extra: Partial<Parameters<typeof hookContext>[0]> = {}) =>
		hookContext({
			node,
			credentials,
			parameters,
			staticData,
			webhookUrl: receiver.url,
			recorder,
			log,
			...extra,
		});
	const methods = trigger.webhookMethods.default;
	const channels = async () => (await client.control('GET', 'channels')).channels as IDataObject[];

	async function activate(): Promise<void> {
		const context = hook();
		expect(await methods.checkExists.call(context)).toBe(false);
		expect(await methods.create.call(context)).toBe(true);
		await trigger.trigger.call(
			triggerContext({ node, credentials, parameters, staticData, crons, recorder, log }),
		);
	}

	/** Moves the clock of n8n and of Bigin (the simulator runs in this process) together; timers stay real. */
	function travel(ms: number): void {
		const now = Date.now();
		jest.useFakeTimers({
			doNotFake: [
				'nextTick',
				'setImmediate',
				'setTimeout',
				'setInterval',
				'clearTimeout',
				'clearInterval',
				'queueMicrotask',
				'hrtime',
				'performance',
			],
		});
		jest.setSystemTime(now + ms);
	}

	describe('activation', () => {
		it('registers one channel for the production webhook URL, with a token and an explicit expiry under 24 h', async () => {
			await activate();
			const [channel] = await channels();
			expect(channel).toMatchObject({
				notify_url: receiver.url,
				events: ['Contacts.create', 'Contacts.edit', 'Contacts.delete', 'Accounts.all'],
				notify_on_related_action: false,
			});
			expect(channel.channel_id).toMatch(/^\d{15}$/);
			expect(String(channel.token)).toHaveLength(40);
			expect(channel.expires_in_seconds).toBeGreaterThan(22.9 * 3600);
			expect(channel.expires_in_seconds).toBeLessThan(24 * 3600);
			expect(staticData).toMatchObject({
				channelId: channel.channel_id,
				token: channel.token,
				notifyUrl: receiver.url,
			});
			expect(Date.parse(String(staticData.expiresAt))).toBeGreaterThan(Date.now() + 22 * HOUR);
		});

		it('keeps the token out of every log line', async () => {
			await activate();
			expect(log.length).toBeGreaterThan(0);
			expect(JSON.stringify(log)).not.toContain(String(staticData.token));
		});

		it('uses a stable channel id per instance and webhook, and another one for test mode', async () => {
			await activate();
			const productionId = staticData.channelId;
			const testData: IDataObject = {};
			await methods.create.call(
				hook({ staticData: testData, mode: 'manual', webhookUrl: `${receiver.url}-test` }),
			);
			expect(testData.channelId).not.toBe(productionId);
			const otherInstance: IDataObject = {};
			await methods.create.call(hook({ staticData: otherInstance, instanceId: 'instance-b' }));
			expect(otherInstance.channelId).not.toBe(productionId);
			expect(await channels()).toHaveLength(3);
		});

		it('refuses to activate without events', async () => {
			parameters.events = [];
			await expect(methods.create.call(hook())).rejects.toThrow('No events chosen');
			expect(recorder.requests).toHaveLength(0);
		});

		it("surfaces Bigin's refusal instead of pretending to be live", async () => {
			credentials = await simulatorCredentials(sim, 'ZohoBigin.modules.ALL');
			await expect(methods.create.call(hook())).rejects.toThrow('OAUTH_SCOPE_MISMATCH');
		});
	});

	describe('checkExists', () => {
		it('finds its own channel when URL, events, options and token match', async () => {
			await activate();
			expect(await methods.checkExists.call(hook())).toBe(true);
		});

		it.each([
			['the webhook URL changed', () => ({ webhookUrl: 'http://127.0.0.1:1/webhook/elsewhere' })],
			[
				'the events changed',
				() => {
					parameters.events = ['Contacts.create'];
					return {};
				},
			],
			[
				'the options changed',
				() => {
					parameters.options = { notifyOnRelatedAction: true };
					return {};
				},
			],
		])('does not count the channel when %s', async (_label, change) => {
			await activate();
			expect(await methods.checkExists.call(hook(change()))).toBe(false);
		});

		it('does not count a channel Bigin dropped or expired', async () => {
			await activate();
			await client.request(
				'DELETE',
				`/bigin/v2/actions/watch?channel_ids=${staticData.channelId}`,
				{ token: await client.token() },
			);
			expect(await methods.checkExists.call(hook())).toBe(false);
		});

		it('renews a channel close to expiry and counts it as existing', async () => {
			await activate();
			travel(22 * HOUR);
			expect(await methods.checkExists.call(hook())).toBe(true);
			expect(recorder.requests.slice(-2).map((request) => request.method)).toEqual(['GET', 'PUT']);
			const [channel] = await channels();
			expect(channel.expires_in_seconds).toBeGreaterThan(22.9 * 3600);
		});

		it('after n8n was down past the expiry, reports the channel missing so that create enables it again', async () => {
			await activate();
			const { channelId } = staticData;
			travel(25 * HOUR);
			expect(await methods.checkExists.call(hook())).toBe(false);
			expect(await methods.create.call(hook())).toBe(true);
			expect((await channels()).map((channel) => channel.channel_id)).toEqual([channelId]);
		});
	});

	describe('renewal', () => {
		it('registers a renewal cron in production, and none for manual runs', async () => {
			await activate();
			expect(crons).toEqual([{ expression: '*/10 * * * * *', onTick: expect.any(Function) }]);
			const manual: RegisteredCron[] = [];
			await trigger.trigger.call(
				triggerContext({
					node,
					credentials,
					parameters,
					staticData,
					crons: manual,
					mode: 'manual',
				}),
			);
			expect(manual).toEqual([]);
		});

		it('spends no API call on a tick while the channel is far from expiry', async () => {
			await activate();
			const calls = recorder.requests.length;
			travel(10 * HOUR);
			await crons[0].onTick();
			expect(recorder.requests).toHaveLength(calls);
		});

		it('renews from the expiry Bigin returned, even when Bigin shortened it', async () => {
			await client.control('POST', 'config', { expiryCapSeconds: 3600 });
			await activate();
			expect(Date.parse(String(staticData.expiresAt))).toBeLessThan(Date.now() + HOUR + 5000);
			travel(29 * 60 * 1000);
			await crons[0].onTick();
			expect(recorder.requests.at(-1)?.method).toBe('POST');
			travel(60 * 1000);
			await crons[0].onTick();
			expect(recorder.requests.at(-1)).toMatchObject({ method: 'PUT' });
			const sent = (recorder.requests.at(-1)?.body as IDataObject).watch as IDataObject[];
			expect(sent[0]).toMatchObject({
				channel_id: staticData.channelId,
				token: staticData.token,
				notify_url: receiver.url,
			});
		});

		it('keeps a channel alive through many short expiries, a failed attempt included', async () => {
			await client.control('POST', 'config', { expiryCapSeconds: 60 });
			await activate();
			let lapses = 0;
			for (let tick = 1; tick <= 60; tick++) {
				if (tick === 20)
					await client.control('POST', 'faults', {
						path: '/bigin/v2/actions/watch',
						method: 'PUT',
						count: 5,
						kind: 500,
						retryAfterSeconds: 0,
					});
				travel(10_000);
				await crons[0].onTick();
				if ((await channels()).length !== 1) lapses += 1;
			}
			expect(lapses).toBe(0);
			const puts = recorder.requests.filter((request) => request.method === 'PUT');
			expect(puts.length).toBeGreaterThanOrEqual(19);
			expect(log.some((line) => line.level === 'warn' && line.message.includes('will retry'))).toBe(
				true,
			);
			expect(JSON.stringify(log)).not.toContain(String(staticData.token));
		});

		it('backs off after failures instead of hammering Bigin', async () => {
			await client.control('POST', 'config', { expiryCapSeconds: 600 });
			await activate();
			await client.control('POST', 'faults', {
				path: '/bigin/v2/actions/watch',
				method: 'PUT',
				count: 15,
				kind: 429,
				retryAfterSeconds: 0,
			});
			travel(300_000);
			await crons[0].onTick();
			expect(staticData.failedRenewals).toBe(1);
			const calls = recorder.requests.length;
			travel(5_000);
			await crons[0].onTick();
			expect(recorder.requests).toHaveLength(calls);
			travel(5_000);
			await crons[0].onTick();
			expect(staticData.failedRenewals).toBe(2);
			travel(20_000);
			await crons[0].onTick();
			expect(staticData.failedRenewals).toBe(3);
			travel(40_000);
			await crons[0].onTick();
			expect(staticData.failedRenewals).toBe(0);
			expect((await channels())[0].expires_in_seconds).toBeGreaterThan(500);
		});

		it('recreates the channel under the same id and token when Bigin no longer has it', async () => {
			await activate();
			const { channelId, token } = staticData;
			await client.request('DELETE', `/bigin/v2/actions/watch?channel_ids=${channelId}`, {
				token: await client.token(),
			});
			travel(21.5 * HOUR);
			await crons[0].onTick();
			const [channel] = await channels();
			expect(channel).toMatchObject({ channel_id: channelId, token, notify_url: receiver.url });
			expect(recorder.requests.slice(-2).map((request) => request.method)).toEqual(['PUT', 'POST']);
			expect(log.some((line) => line.message.includes('channel recreated'))).toBe(true);
		});

		it('says loudly when Bigin refuses the renewal itself, and retries only every five minutes', async () => {
			await activate();
			credentials.oauthTokenData.access_token = 'revoked';
			credentials.oauthTokenData.refresh_token = 'revoked';
			travel(22 * HOUR);
			await crons[0].onTick();
			expect(staticData.failedRenewals).toBe(1);
			expect(Number(staticData.nextAttemptAt) - Date.now()).toBeGreaterThan(299_000);
			expect(
				log.some((line) => line.level === 'error' && line.message.includes('check the credential')),
			).toBe(true);
		});

		it('never lets a tick throw, even when Bigin is unreachable', async () => {
			await activate();
			credentials.oauthTokenData.api_domain = 'http://127.0.0.1:1';
			travel(22 * HOUR);
			await expect(crons[0].onTick()).resolves.toBeUndefined();
			expect(staticData.failedRenewals).toBe(1);
		}, 30_000);
	});

	describe('notifications', () => {
		it('turns a record created in Bigin into one item holding the record', async () => {
			await activate();
			const created = await client.control('POST', 'records/Contacts', {
				Last_Name: 'Nguyen',
				Email: 'an@example.com',
			});
			await sim.settled();
			expect(receiver.statuses).toContain(200);
			expect(executions).toHaveLength(1);
			const [item] = executions[0];
			expect(item.json).toMatchObject({
				module: 'Contacts',
				event: 'Contacts.create',
				operation: 'create',
				recordId: created.data[0].details.id,
				affectedFields: [],
				channelId: staticData.channelId,
				recordFound: true,
				record: { id: created.data[0].details.id, Last_Name: 'Nguyen', Email: 'an@example.com' },
			});
			expect(String(item.json.serverTime)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(JSON.stringify(executions)).not.toContain(String(staticData.token));
		});

		it('outputs one item per id when Bigin batches several records', async () => {
			await activate();
			const contacts = (await client.control('GET', 'records/Contacts')).data.slice(0, 3);
			await client.request('PUT', '/bigin/v2/Contacts', {
				token: await client.token(),
				body: { data: contacts.map((c: IDataObject) => ({ id: c.id, Title: 'Customer' })) },
			});
			await sim.settled();
			const [items] = executions;
			expect(items.map((item) => item.json.recordId)).toEqual(
				contacts.map((c: IDataObject) => c.id),
			);
			expect(items.every((item) => (item.json.record as IDataObject).Title === 'Customer')).toBe(
				true,
			);
			expect(items[0].json).toMatchObject({ event: 'Contacts.edit', affectedFields: ['Title'] });
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		});

		it('does not fetch deleted records, and flags a record gone before it could be read', async () => {
			await activate();
			const [first, second] = (await client.control('GET', 'records/Contacts')).data;
			await client.control('DELETE', `records/Contacts/${first.id}`);
			await sim.settled();
			expect(executions[0][0].json).toMatchObject({ event: 'Contacts.delete', recordId: first.id });
			expect(executions[0][0].json).not.toHaveProperty('record');

			await client.control('POST', 'notify', {
				channel_id: staticData.channelId,
				module: 'Contacts',
				operation: 'update',
				ids: ['404404'],
			});
			expect(executions[1][0].json).toMatchObject({
				recordId: '404404',
				recordFound: false,
				record: null,
			});
			void second;
		});

		it('reads no record when fetching is off', async () => {
			parameters.options = { fetchRecords: false };
			await activate();
			const calls = recorder.requests.length;
			await client.control('POST', 'records/Accounts', { Account_Name: 'Quiet Ltd' });
			await sim.settled();
			expect(executions[0][0].json).not.toHaveProperty('record');
			expect(recorder.requests).toHaveLength(calls);
		});

		it('rejects forged calls with 401 or 400 and starts nothing', async () => {
			await activate();
			const forged = [
				{ body: { ...(await genuineBody()), token: 'guess' }, status: 401 },
				{ body: { ...(await genuineBody()), channel_id: '123' }, status: 401 },
				{ body: { ...(await genuineBody()), ids: 'not-a-list' }, status: 400 },
				{ body: 'not json at all', status: 400 },
			];
			for (const { body, status } of forged) {
				const reply = await handleCall(body);
				expect(reply.status).toBe(status);
				expect(reply.result).toEqual({ noWebhookResponse: true });
			}
			expect(executions).toHaveLength(0);
		});

		it("rejects a stale test channel's notification on the production webhook", async () => {
			await activate();
			const testData: IDataObject = {};
			await methods.create.call(hook({ staticData: testData, mode: 'manual' }));
			const reply = await handleCall({
				...(await genuineBody()),
				channel_id: testData.channelId,
				token: testData.token,
			});
			expect(reply.status).toBe(401);
		});

		async function genuineBody(): Promise<IDataObject> {
			const [contact] = (await client.control('GET', 'records/Contacts')).data;
			return {
				server_time: Date.now(),
				query_params: {},
				module: 'Contacts',
				ids: [contact.id],
				affected_fields: [],
				operation: 'insert',
				channel_id: staticData.channelId,
				token: staticData.token,
			};
		}
	});

	describe('deactivation', () => {
		it('disables the channel and forgets it', async () => {
			await activate();
			expect(await methods.delete.call(hook())).toBe(true);
			expect(await channels()).toEqual([]);
			expect(staticData).toEqual({});
		});

		it('counts a channel Bigin no longer has as disabled', async () => {
			await activate();
			travel(25 * HOUR);
			expect(await methods.delete.call(hook())).toBe(true);
			expect(staticData).toEqual({});
		});

		it('ends a test listen without touching the production channel', async () => {
			await activate();
			const testData: IDataObject = {};
			const testHook = hook({
				staticData: testData,
				mode: 'manual',
				webhookUrl: `${receiver.url}-test`,
			});
			expect(await methods.checkExists.call(testHook)).toBe(false);
			await methods.create.call(testHook);
			expect(await channels()).toHaveLength(2);
			expect(await methods.delete.call(testHook)).toBe(true);
			expect((await channels()).map((channel) => channel.channel_id)).toEqual([
				staticData.channelId,
			]);
		});

		it('reports failure (and logs why) when Bigin cannot be reached, keeping what it knows', async () => {
			await activate();
			await client.control('POST', 'faults', {
				path: '/bigin/v2/actions/watch',
				method: 'DELETE',
				count: 5,
				kind: 500,
				retryAfterSeconds: 0,
			});
			expect(await methods.delete.call(hook())).toBe(false);
			expect(staticData.channelId).toBeDefined();
			expect(
				log.some((line) => line.level === 'warn' && line.message.includes('could not disable')),
			).toBe(true);
		});
	});

	it('passes test-event items through execute() with the real payload, like production', async () => {
		const input = [
			{ json: { module: 'Tasks', event: 'Tasks.delete', operation: 'delete', recordId: '9' } },
		];
		const context = executeContext({ node, credentials, parameters, input, recorder });
		const [output] = await trigger.execute.call(context);
		expect(output).toEqual([{ json: input[0].json, pairedItem: { item: 0 } }]);
	});

	it('describes itself as a trigger with a POST webhook that answers at once with no body', () => {
		expect(trigger.description).toMatchObject({
			name: 'biginTrigger',
			displayName: 'Bigin Trigger',
			group: ['trigger'],
			inputs: [],
			webhooks: [
				{
					name: 'default',
					httpMethod: 'POST',
					responseMode: 'onReceived',
					responseData: 'noData',
					path: 'webhook',
				},
			],
		});
		const events = trigger.description.properties.find((property) => property.name === 'events');
		expect(events).toMatchObject({ type: 'multiOptions', required: true });
		expect((events?.options as INodePropertyOptions[]).map((option) => option.value)).toContain(
			'Accounts.all',
		);
	});
});
