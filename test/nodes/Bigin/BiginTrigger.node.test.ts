import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { RegisteredCron } from '../../../tools/contexts/contexts';
import { executeContext, triggerContext } from '../../../tools/contexts/contexts';
import { simulatorCredentials } from '../../../tools/contexts/nodeHarness';
import { ALL_READINGS, SINGLE_READINGS } from '../../../tools/simulator/readings';
import { HOUR, TriggerHarness } from '../../support/triggerHarness';

describe.each(ALL_READINGS)('Bigin Trigger against the Bigin simulator, $name', (reading) => {
	const h = new TriggerHarness(reading);
	const { trigger, node, methods } = h;
	const hook: TriggerHarness['hook'] = (extra) => h.hook(extra);
	const channels = async () => await h.channels();
	const activate = async () => await h.activate();
	const travel = (ms: number) => h.travel(ms);

	describe('activation', () => {
		it('registers one channel for the production webhook URL, with a token and an explicit expiry under 24 h', async () => {
			await activate();
			const [channel] = await channels();
			expect(channel).toMatchObject({
				notify_url: h.receiver.url,
				events: ['Contacts.create', 'Contacts.edit', 'Contacts.delete', 'Accounts.all'],
				notify_on_related_action: false,
			});
			expect(channel.channel_id).toMatch(/^\d{15}$/);
			expect(String(channel.token)).toHaveLength(40);
			expect(channel.expires_in_seconds).toBeGreaterThan(22.9 * 3600);
			expect(channel.expires_in_seconds).toBeLessThan(24 * 3600);
			expect(h.stored()).toMatchObject({
				channelId: channel.channel_id,
				notifyUrl: h.receiver.url,
			});
			expect(channel.token).toBe(h.tokenOf());
			expect(Date.parse(String(h.stored().expiresAt))).toBeGreaterThan(Date.now() + 22 * HOUR);
		});

		it('keeps the token out of every log line', async () => {
			await activate();
			expect(h.log.length).toBeGreaterThan(0);
			expect(JSON.stringify(h.log)).not.toContain(h.tokenOf());
		});

		it('uses a stable channel id per instance and webhook, and another one for test mode', async () => {
			await activate();
			const productionId = h.stored().channelId;
			const testData: IDataObject = {};
			await methods.create.call(
				hook({ staticData: testData, mode: 'manual', webhookUrl: `${h.receiver.url}-test` }),
			);
			expect(h.stored(testData).channelId).not.toBe(productionId);
			const otherInstance: IDataObject = {};
			await methods.create.call(hook({ staticData: otherInstance, instanceId: 'instance-b' }));
			expect(h.stored(otherInstance).channelId).not.toBe(productionId);
			expect(await channels()).toHaveLength(3);
		});

		it('refuses to activate without events', async () => {
			h.parameters.events = [];
			await expect(methods.create.call(hook())).rejects.toThrow('No events chosen');
			expect(h.recorder.requests).toHaveLength(0);
		});

		it("surfaces Bigin's refusal instead of pretending to be live", async () => {
			h.credentials = await simulatorCredentials(h.sim, 'ZohoBigin.modules.ALL');
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
					h.parameters.events = ['Contacts.create'];
					return {};
				},
			],
			[
				'the options changed',
				() => {
					h.parameters.options = { notifyOnRelatedAction: true };
					return {};
				},
			],
		])('does not count the channel when %s', async (_label, change) => {
			await activate();
			expect(await methods.checkExists.call(hook(change()))).toBe(false);
		});

		it('does not count a channel Bigin dropped or expired', async () => {
			await activate();
			await h.client.request(
				'DELETE',
				`/bigin/v2/actions/watch?channel_ids=${h.stored().channelId}`,
				{ token: await h.client.token() },
			);
			expect(await methods.checkExists.call(hook())).toBe(false);
		});

		it('renews a channel close to expiry and counts it as existing', async () => {
			await activate();
			const calls = h.recorder.requests.length;
			travel(22 * HOUR);
			expect(await methods.checkExists.call(hook())).toBe(true);
			// PUT first; under a one-day cap from the first enable it re-enables afterwards (see renewal)
			expect(h.recorder.requests.slice(calls, calls + 2).map((request) => request.method)).toEqual([
				'GET',
				'PUT',
			]);
			const [channel] = await channels();
			expect(channel.expires_in_seconds).toBeGreaterThan(22.9 * 3600);
		});

		it('after n8n was down past the expiry, reports the channel missing so that create enables it again', async () => {
			await activate();
			const { channelId } = h.stored();
			travel(25 * HOUR);
			expect(await methods.checkExists.call(hook())).toBe(false);
			expect(await methods.create.call(hook())).toBe(true);
			expect((await channels()).map((channel) => channel.channel_id)).toEqual([channelId]);
		});
	});

	describe('renewal', () => {
		it('registers a renewal cron in production, and none for manual runs', async () => {
			await activate();
			expect(h.crons).toEqual([{ expression: '*/10 * * * * *', onTick: expect.any(Function) }]);
			const manual: RegisteredCron[] = [];
			await trigger.trigger.call(
				triggerContext({
					node,
					credentials: h.credentials,
					parameters: h.parameters,
					staticData: h.staticData,
					crons: manual,
					mode: 'manual',
				}),
			);
			expect(manual).toEqual([]);
		});

		it('spends no API call on a tick between verifications while the channel is far from expiry', async () => {
			await activate();
			const calls = h.recorder.requests.length;
			travel(5 * HOUR);
			await h.crons[0].onTick();
			expect(h.recorder.requests).toHaveLength(calls);
		});

		it('reads the channel back from Bigin on its first tick and again after about six hours, with one GET each', async () => {
			const context = hook();
			expect(await methods.checkExists.call(context)).toBe(false);
			await methods.create.call(context);
			await h.startTrigger();
			const calls = h.recorder.requests.length;
			await h.tick();
			expect(h.recorder.requests.slice(calls).map((request) => request.method)).toEqual(['GET']);
			travel(6.7 * HOUR);
			await h.tick();
			await h.tick();
			expect(h.recorder.requests.slice(calls).map((request) => request.method)).toEqual([
				'GET',
				'GET',
			]);
		});

		it('renews from the expiry Bigin returned, even when Bigin shortened it', async () => {
			await h.client.control('POST', 'config', { expiryCapSeconds: 3600 });
			await activate();
			expect(Date.parse(String(h.stored().expiresAt))).toBeLessThan(Date.now() + HOUR + 5000);
			const calls = h.recorder.requests.length;
			travel(26 * 60 * 1000);
			await h.crons[0].onTick();
			expect(h.recorder.requests).toHaveLength(calls);
			travel(8 * 60 * 1000);
			await h.crons[0].onTick();
			expect(h.recorder.requests.at(-1)).toMatchObject({ method: 'PUT' });
			const sent = (h.recorder.requests.at(-1)?.body as IDataObject).watch as IDataObject[];
			expect(sent[0]).toMatchObject({
				channel_id: h.stored().channelId,
				token: h.tokenOf(),
				notify_url: h.receiver.url,
			});
		});

		it('keeps a channel alive through many short expiries, a failed attempt included', async () => {
			await h.client.control('POST', 'config', { expiryCapSeconds: 60 });
			await activate();
			let lapses = 0;
			for (let tick = 1; tick <= 60; tick++) {
				if (tick === 20)
					await h.client.control('POST', 'faults', {
						path: '/bigin/v2/actions/watch',
						method: 'PUT',
						count: 5,
						kind: 500,
						retryAfterSeconds: 0,
					});
				travel(10_000);
				await h.crons[0].onTick();
				if ((await channels()).length !== 1) lapses += 1;
			}
			expect(lapses).toBe(0);
			const puts = h.recorder.requests.filter((request) => request.method === 'PUT');
			expect(puts.length).toBeGreaterThanOrEqual(12);
			expect(
				h.log.some((line) => line.level === 'warn' && line.message.includes('will retry')),
			).toBe(true);
			expect(JSON.stringify(h.log)).not.toContain(h.tokenOf());
		});

		it('backs off after failures instead of hammering Bigin', async () => {
			await h.client.control('POST', 'config', { expiryCapSeconds: 600 });
			await activate();
			await h.client.control('POST', 'faults', {
				path: '/bigin/v2/actions/watch',
				method: 'PUT',
				count: 15,
				kind: 429,
				retryAfterSeconds: 0,
			});
			travel(340_000);
			await h.crons[0].onTick();
			expect(h.stored().failedRenewals).toBe(1);
			const calls = h.recorder.requests.length;
			travel(5_000);
			await h.crons[0].onTick();
			expect(h.recorder.requests).toHaveLength(calls);
			travel(7_000);
			await h.crons[0].onTick();
			expect(h.stored().failedRenewals).toBe(2);
			travel(23_000);
			await h.crons[0].onTick();
			expect(h.stored().failedRenewals).toBe(3);
			travel(45_000);
			await h.crons[0].onTick();
			expect(h.stored().failedRenewals).toBe(0);
			expect((await channels())[0].expires_in_seconds).toBeGreaterThan(500);
		});

		it('recreates the channel under the same id and token when Bigin no longer has it', async () => {
			await activate();
			const { channelId } = h.stored();
			const token = h.tokenOf();
			await h.client.request('DELETE', `/bigin/v2/actions/watch?channel_ids=${channelId}`, {
				token: await h.client.token(),
			});
			travel(21.5 * HOUR);
			await h.crons[0].onTick();
			const [channel] = await channels();
			expect(channel).toMatchObject({ channel_id: channelId, token, notify_url: h.receiver.url });
			expect(h.recorder.requests.slice(-2).map((request) => request.method)).toEqual([
				'PUT',
				'POST',
			]);
			expect(h.log.some((line) => line.message.includes('channel recreated'))).toBe(true);
		});

		it('says loudly when Bigin refuses the renewal itself, and retries only every five minutes', async () => {
			await activate();
			h.credentials.oauthTokenData.access_token = 'revoked';
			h.credentials.oauthTokenData.refresh_token = 'revoked';
			travel(22 * HOUR);
			await h.crons[0].onTick();
			expect(h.stored().failedRenewals).toBe(1);
			expect(Number(h.stored().nextAttemptAt) - Date.now()).toBeGreaterThan(269_000);
			expect(Number(h.stored().nextAttemptAt) - Date.now()).toBeLessThanOrEqual(330_000);
			expect(
				h.log.some(
					(line) => line.level === 'error' && line.message.includes('check the credential'),
				),
			).toBe(true);
		});
	});

	describe('notifications', () => {
		it('turns a record created in Bigin into one item holding the record', async () => {
			await activate();
			const created = await h.client.control('POST', 'records/Contacts', {
				Last_Name: 'Nguyen',
				Email: 'an@example.com',
			});
			await h.sim.settled();
			expect(h.receiver.statuses).toContain(200);
			expect(h.executions).toHaveLength(1);
			const [item] = h.executions[0];
			expect(item.json).toMatchObject({
				module: 'Contacts',
				event: 'Contacts.create',
				operation: 'create',
				recordId: created.data[0].details.id,
				affectedFields: [],
				channelId: h.stored().channelId,
				recordFound: true,
				record: { id: created.data[0].details.id, Last_Name: 'Nguyen', Email: 'an@example.com' },
			});
			expect(String(item.json.serverTime)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(JSON.stringify(h.executions)).not.toContain(h.tokenOf());
		});

		it('outputs one item per id when Bigin batches several records', async () => {
			await activate();
			const contacts = (await h.client.control('GET', 'records/Contacts')).data.slice(0, 3);
			await h.client.request('PUT', '/bigin/v2/Contacts', {
				token: await h.client.token(),
				body: { data: contacts.map((c: IDataObject) => ({ id: c.id, Title: 'Customer' })) },
			});
			await h.sim.settled();
			const [items] = h.executions;
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
			const [first, second] = (await h.client.control('GET', 'records/Contacts')).data;
			await h.client.control('DELETE', `records/Contacts/${first.id}`);
			await h.sim.settled();
			expect(h.executions[0][0].json).toMatchObject({
				event: 'Contacts.delete',
				recordId: first.id,
			});
			expect(h.executions[0][0].json).not.toHaveProperty('record');

			await h.client.control('POST', 'notify', {
				channel_id: h.stored().channelId,
				module: 'Contacts',
				operation: 'update',
				ids: ['404404'],
			});
			expect(h.executions[1][0].json).toMatchObject({
				recordId: '404404',
				recordFound: false,
				record: null,
			});
			void second;
		});

		it('reads no record when fetching is off', async () => {
			h.parameters.options = { fetchRecords: false };
			await activate();
			const calls = h.recorder.requests.length;
			await h.client.control('POST', 'records/Accounts', { Account_Name: 'Quiet Ltd' });
			await h.sim.settled();
			expect(h.executions[0][0].json).not.toHaveProperty('record');
			expect(h.recorder.requests).toHaveLength(calls);
		});

		it('rejects forged calls with 401 or 400 and starts nothing', async () => {
			await activate();
			const forged = [
				{ body: { ...(await h.genuineBody()), token: 'guess' }, status: 401 },
				{ body: { ...(await h.genuineBody()), channel_id: '123' }, status: 401 },
				{ body: { ...(await h.genuineBody()), ids: 'not-a-list' }, status: 400 },
				{ body: 'not json at all', status: 400 },
			];
			for (const { body, status } of forged) {
				const reply = await h.handleCall(body);
				expect(reply.status).toBe(status);
				expect(reply.result).toEqual({ noWebhookResponse: true });
			}
			expect(h.executions).toHaveLength(0);
		});

		it("rejects a stale test channel's notification on the production webhook", async () => {
			await activate();
			const testData: IDataObject = {};
			await methods.create.call(hook({ staticData: testData, mode: 'manual' }));
			const reply = await h.handleCall({
				...(await h.genuineBody()),
				channel_id: h.stored(testData).channelId,
				token: h.tokenOf(h.stored(testData).channelId),
			});
			expect(reply.status).toBe(401);
		});
	});

	describe('deactivation', () => {
		it('disables the channel and forgets it', async () => {
			await activate();
			expect(await methods.delete.call(hook())).toBe(true);
			expect(await channels()).toEqual([]);
			expect(h.staticData).toEqual({});
		});

		it('counts a channel Bigin no longer has as disabled', async () => {
			await activate();
			travel(25 * HOUR);
			expect(await methods.delete.call(hook())).toBe(true);
			expect(h.staticData).toEqual({});
		});

		it('ends a test listen without touching the production channel', async () => {
			await activate();
			const testData: IDataObject = {};
			const testHook = hook({
				staticData: testData,
				mode: 'manual',
				webhookUrl: `${h.receiver.url}-test`,
			});
			expect(await methods.checkExists.call(testHook)).toBe(false);
			await methods.create.call(testHook);
			expect(await channels()).toHaveLength(2);
			expect(await methods.delete.call(testHook)).toBe(true);
			expect((await channels()).map((channel) => channel.channel_id)).toEqual([
				h.stored().channelId,
			]);
		});

		it('reports failure (and logs why) when Bigin cannot be reached, keeping what it knows', async () => {
			await activate();
			await h.client.control('POST', 'faults', {
				path: '/bigin/v2/actions/watch',
				method: 'DELETE',
				count: 5,
				kind: 500,
				retryAfterSeconds: 0,
			});
			expect(await methods.delete.call(hook())).toBe(false);
			expect(h.stored().channelId).toBeDefined();
			expect(
				h.log.some((line) => line.level === 'warn' && line.message.includes('could not disable')),
			).toBe(true);
		});
	});
});

/** What does not depend on how Bigin reads its undocumented cases: once, under the default reading. */
describe('Bigin Trigger, under any reading', () => {
	const h = new TriggerHarness(SINGLE_READINGS[0]);
	const { trigger, node } = h;

	it('never lets a tick throw, even when Bigin is unreachable', async () => {
		await h.activate();
		h.credentials.oauthTokenData.api_domain = 'http://127.0.0.1:1';
		h.travel(22 * HOUR);
		await expect(h.crons[0].onTick()).resolves.toBeUndefined();
		expect(h.stored().failedRenewals).toBe(1);
	}, 30_000);

	it('passes test-event items through execute() with the real payload, like production', async () => {
		const input = [
			{ json: { module: 'Tasks', event: 'Tasks.delete', operation: 'delete', recordId: '9' } },
		];
		const context = executeContext({
			node,
			credentials: h.credentials,
			parameters: h.parameters,
			input,
			recorder: h.recorder,
		});
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
