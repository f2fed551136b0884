import type { IDataObject } from 'n8n-workflow';

import { ALL_READINGS } from '../../../../tools/simulator/readings';
import type { SimChannel } from '../../../support/triggerHarness';
import { HOUR, TriggerHarness } from '../../../support/triggerHarness';

/** The cases of issue 10: a channel that converges under every reading of Bigin. */
describe.each(ALL_READINGS)('Bigin Trigger channel convergence, $name', (reading) => {
	const h = new TriggerHarness(reading);
	const { methods } = h;
	const identityOf = ({ channel_id, notify_url, token, events }: SimChannel) => ({
		channel_id,
		notify_url,
		token,
		events,
	});
	const writes = (from: number) => h.biginCalls(from).filter((method) => method !== 'GET');

	describe('an X.all subscription, listed expanded or as written', () => {
		it('counts as existing on the next activation: no write, same token', async () => {
			await h.activate();
			const { token } = h.stored().definition;
			const from = h.sim.state.requestLog.length;
			expect(await methods.checkExists.call(h.hook())).toBe(true);
			expect(writes(from)).toEqual([]);
			expect(h.stored().definition.token).toBe(token);
		});

		it('after the events change, create rewrites the channel in place and then counts it as existing', async () => {
			await h.activate();
			const { channel_id: channelId, token } = h.stored().definition;
			h.parameters.events = ['Contacts.create', 'Tasks.all'];
			expect(await methods.checkExists.call(h.hook())).toBe(false);
			expect(await methods.create.call(h.hook())).toBe(true);
			const [channel] = await h.channels();
			expect(channel).toMatchObject({ channel_id: channelId, token });
			expect(new Set(channel.events)).toEqual(new Set(['Contacts.create', 'Tasks.all']));
			expect(await methods.checkExists.call(h.hook())).toBe(true);
		});
	});

	describe('one token for every process and every copy of static data', () => {
		it('re-creating a lost channel keeps the token, so an older copy of static data still verifies', async () => {
			await h.activate();
			const olderCopy = structuredClone(h.staticData);
			await h.deleteChannelInBigin();
			expect(await methods.checkExists.call(h.hook())).toBe(false);
			await methods.create.call(h.hook());
			expect(h.stored().definition.token).toBe(h.stored(olderCopy).definition.token);
			const reply = await h.handleCall(await h.genuineBody(), olderCopy);
			expect(reply.status).toBe(200);
		});

		it('two activations of the same workflow at once (two mains) converge: one channel, one token both copies verify', async () => {
			const copies: IDataObject[] = [{}, {}];
			await Promise.all(
				copies.map(async (staticData) => {
					const context = h.hook({ staticData });
					if (!(await methods.checkExists.call(context)))
						await methods.create.call(h.hook({ staticData }));
				}),
			);
			const channels = await h.channels();
			expect(channels).toHaveLength(1);
			expect(h.stored(copies[0]).definition.token).toBe(channels[0].token);
			expect(h.stored(copies[1]).definition.token).toBe(channels[0].token);
			expect(h.stored(copies[1]).definition.channel_id).toBe(
				h.stored(copies[0]).definition.channel_id,
			);
			for (const copy of copies) {
				const reply = await h.handleCall(await h.genuineBody(copy), copy);
				expect(reply.status).toBe(200);
			}
			h.staticData = copies[1];
			await h.client.control('POST', 'records/Contacts', { Last_Name: 'Both mains' });
			await h.sim.settled();
			expect(h.receiver.statuses).toEqual([200]);
		});

		it('a copy of static data without the channel still verifies genuine calls, and refuses forged ones', async () => {
			await h.activate();
			const genuine = await h.genuineBody();
			// A queue-mode worker saves static data from an execution that never loaded it.
			const erased: IDataObject = { global: { counter: 1 } };
			expect((await h.handleCall(genuine, erased)).status).toBe(200);
			const forged = { ...genuine, token: 'f'.repeat(40) };
			expect((await h.handleCall(forged, erased)).status).toBe(401);
			const otherChannel = { ...genuine, channel_id: '123456789012345' };
			expect((await h.handleCall(otherChannel, erased)).status).toBe(401);
			expect(h.executions).toHaveLength(1);
		});

		it('derives another token from another client secret, and no token without one', async () => {
			await h.activate();
			const first = h.stored().definition.token;
			h.credentials.clientSecret = 'rotated-client-secret';
			expect(await methods.checkExists.call(h.hook())).toBe(false);
			await methods.create.call(h.hook());
			expect(h.stored().definition.token).not.toBe(first);
			expect((await h.channels())[0].token).toBe(h.stored().definition.token);
			h.credentials.clientSecret = '';
			await expect(methods.create.call(h.hook())).rejects.toThrow('no Client Secret');
		});
	});

	describe('an outage of Bigin during activation', () => {
		const outage = async () =>
			await h.client.control('POST', 'faults', {
				path: '/bigin/v2/actions/watch',
				method: 'GET',
				count: 100,
				kind: 500,
				retryAfterSeconds: 0,
			});

		it('counts a stored channel as existing, deletes nothing, and notifications flow once Bigin is back', async () => {
			await h.activate();
			const [before] = await h.channels();
			await outage();
			expect(await methods.checkExists.call(h.hook())).toBe(true);
			expect(h.log.some((line) => line.message.includes('could not be reached'))).toBe(true);
			await h.client.control('DELETE', 'faults');
			expect(await h.channels()).toMatchObject([identityOf(before)]);
			await h.client.control('POST', 'records/Contacts', { Last_Name: 'After the outage' });
			await h.sim.settled();
			expect(h.executions).toHaveLength(1);
		}, 60_000);

		it('still fails when no channel is stored, so that n8n retries the activation', async () => {
			await outage();
			await expect(methods.checkExists.call(h.hook())).rejects.toThrow('Bigin error');
		}, 60_000);

		it("leaves repairs to the renewer's first tick: a channel lost meanwhile comes back", async () => {
			await h.activate();
			await outage();
			expect(await methods.checkExists.call(h.hook())).toBe(true);
			await h.client.control('DELETE', 'faults');
			await h.deleteChannelInBigin();
			await h.startTrigger();
			await h.tick();
			expect((await h.channels())[0]).toMatchObject({
				channel_id: h.stored().definition.channel_id,
			});
		}, 60_000);
	});

	describe('a channel deleted or changed outside n8n', () => {
		it('is re-enabled within about six hours, not at the next renewal', async () => {
			await h.activate();
			await h.deleteChannelInBigin();
			h.travel(6.7 * HOUR);
			await h.tick();
			expect(await h.channels()).toMatchObject([
				{ channel_id: h.stored().definition.channel_id, token: h.stored().definition.token },
			]);
		});

		it.each([
			['token', { token: 'changed-by-someone' }],
			['events', { events: ['Contacts.create'] }],
			['options', { notify_on_related_action: true }],
		])('gets its %s back within about six hours', async (_label, change) => {
			await h.activate();
			await h.changeChannelInBigin(change);
			h.travel(6.7 * HOUR);
			await h.tick();
			const [repaired] = await h.channels();
			expect(repaired).toMatchObject({
				token: h.stored().definition.token,
				notify_on_related_action: false,
			});
			expect(new Set(repaired.events)).toEqual(new Set(h.parameters.events as string[]));
			expect(h.log.some((line) => line.message.includes('repaired'))).toBe(true);
		});
	});

	describe('a copy of the installation serving another URL (a staging clone)', () => {
		const STAGING = 'http://127.0.0.1:9/webhook/0b0f5a2e/webhook';

		it("derives another channel id, and neither its activation nor its deactivation touches production's channel", async () => {
			await h.activate();
			const [production] = await h.channels();
			const clonedStaticData = structuredClone(h.staticData);
			const staging = h.hook({ staticData: clonedStaticData, webhookUrl: STAGING });
			expect(await methods.checkExists.call(staging)).toBe(false);
			await methods.create.call(staging);
			expect(h.stored(clonedStaticData).definition.channel_id).not.toBe(production.channel_id);
			expect(await methods.delete.call(staging)).toBe(true);
			expect(await h.channels()).toMatchObject([identityOf(production)]);
		});

		it('never takes over or deletes a channel with its id that notifies another URL, naming that URL', async () => {
			await h.activate();
			const channel = await h.changeChannelInBigin({ notify_url: STAGING });
			expect(await methods.checkExists.call(h.hook())).toBe(false);
			await expect(methods.create.call(h.hook())).rejects.toThrow(STAGING);
			expect(await methods.delete.call(h.hook())).toBe(false);
			expect(h.log.some((line) => line.level === 'error' && line.message.includes(STAGING))).toBe(
				true,
			);
			expect((await h.channels())[0]).toMatchObject({
				channel_id: channel.channel_id,
				notify_url: STAGING,
			});
		});

		it('the renewer leaves such a channel alone too, and says so once in the executions list', async () => {
			await h.activate();
			await h.changeChannelInBigin({ notify_url: STAGING });
			h.travel(6.7 * HOUR);
			await h.tick();
			h.travel(6.7 * HOUR);
			await h.tick();
			expect((await h.channels())[0]).toMatchObject({ notify_url: STAGING });
			expect(h.failedExecutions).toHaveLength(1);
			expect(h.failedExecutions[0].message).toContain(STAGING);
		});
	});

	describe('deactivation and test channels', () => {
		it('a renewal racing deactivation never resurrects the channel', async () => {
			await h.client.control('POST', 'config', { expiryCapSeconds: 600 });
			await h.activate();
			await h.client.control('POST', 'faults', {
				path: '/bigin/v2/actions/watch',
				method: 'PUT',
				count: 1,
				kind: 'timeout',
				holdMs: 1500,
			});
			h.travel(340_000);
			const renewal = h.tick();
			const puts = () => h.sim.state.requestLog.filter((entry) => entry.method === 'PUT');
			while (puts().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
			await h.triggerResponse?.closeFunction?.();
			// n8n's delete runs with the static data it reads from the database, not the trigger's copy
			const stored = structuredClone(h.staticData);
			expect(await methods.delete.call(h.hook({ staticData: stored }))).toBe(true);
			await renewal;
			await new Promise((resolve) => setTimeout(resolve, 200));
			expect(await h.channels()).toEqual([]);
		}, 30_000);

		it('trigger() returns a closeFunction, after which ticks call Bigin no more', async () => {
			await h.activate();
			await h.triggerResponse?.closeFunction?.();
			const from = h.sim.state.requestLog.length;
			h.travel(22 * HOUR);
			await h.tick();
			expect(h.biginCalls(from)).toEqual([]);
		});

		it('a test channel asks for one hour, so one orphaned by a stopped n8n lapses soon', async () => {
			await methods.create.call(h.hook({ mode: 'manual', webhookUrl: `${h.receiver.url}-test` }));
			const [channel] = await h.channels();
			expect(channel.expires_in_seconds).toBeLessThanOrEqual(3600);
			expect(channel.expires_in_seconds).toBeGreaterThan(3500);
		});
	});

	describe('renewal that verifies, within the budget', () => {
		it('keeps the channel alive for three days at no more than 6 Bigin calls a day, verification included', async () => {
			await h.activate();
			const from = h.sim.state.requestLog.length;
			let lapses = 0;
			const step = 5 * 60 * 1000;
			for (let elapsed = 0; elapsed < 72 * HOUR; elapsed += step) {
				h.travel(step);
				await h.tick();
				if (!h.sim.state.liveChannel(String(h.stored().definition.channel_id))) lapses += 1;
			}
			expect(lapses).toBe(0);
			// read or rewritten at least every ~6.6 hours
			expect(h.biginCalls(from).length).toBeGreaterThanOrEqual(10);
			expect(h.biginCalls(from).length).toBeLessThanOrEqual(18);
		}, 120_000);

		it('a refused renewal shows once per incident in the executions list, and in the error log every time', async () => {
			await h.activate();
			h.credentials.oauthTokenData.access_token = 'revoked';
			h.credentials.oauthTokenData.refresh_token = 'revoked';
			h.travel(22 * HOUR);
			await h.tick();
			h.travel(6 * 60 * 1000);
			await h.tick();
			expect(h.log.filter((line) => line.level === 'error')).toHaveLength(2);
			expect(h.failedExecutions).toHaveLength(1);
			expect(JSON.stringify(h.log)).not.toContain(String(h.stored().definition.token));
		});
	});
});
