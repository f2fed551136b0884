import type { IDataObject } from 'n8n-workflow';

import { ALL_READINGS } from '../../../../tools/simulator/readings';
import type { SimChannel } from '../../../support/triggerHarness';
import { ACTIVATION_GRACE_MS } from '../../../../nodes/Bigin/trigger/renewal';
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
			const [{ token }] = await h.channels();
			const from = h.sim.state.requestLog.length;
			expect(await methods.checkExists.call(h.hook())).toBe(true);
			expect(writes(from)).toEqual([]);
			expect((await h.channels())[0].token).toBe(token);
		});

		it('after the events change, create rewrites the channel in place and then counts it as existing', async () => {
			await h.activate();
			const { channelId } = h.stored();
			const [{ token }] = await h.channels();
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
			const [{ token }] = await h.channels();
			await h.deleteChannelInBigin();
			expect(await methods.checkExists.call(h.hook())).toBe(false);
			await methods.create.call(h.hook());
			expect((await h.channels())[0].token).toBe(token);
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
			expect(h.tokenOf(channels[0].channel_id)).toBe(channels[0].token);
			expect(h.stored(copies[0]).channelId).toBe(channels[0].channel_id);
			expect(h.stored(copies[1]).channelId).toBe(channels[0].channel_id);
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
			const first = h.tokenOf();
			h.credentials.clientSecret = 'rotated-client-secret';
			expect(await methods.checkExists.call(h.hook())).toBe(false);
			await methods.create.call(h.hook());
			expect(h.tokenOf()).not.toBe(first);
			expect((await h.channels())[0].token).toBe(h.tokenOf());
			h.credentials.clientSecret = '';
			await expect(methods.create.call(h.hook())).rejects.toThrow('no Client Secret');
		});
	});

	describe('no secret at rest', () => {
		it("stores no token: static data holds only the channel's id, URL and grant", async () => {
			await h.activate();
			const [channel] = await h.channels();
			expect(JSON.stringify(h.staticData)).not.toContain(channel.token);
			expect(Object.keys(h.stored()).sort()).toEqual(
				expect.arrayContaining(['channelId', 'expiresAt', 'grantedAt', 'notifyUrl']),
			);
		});

		it.each([
			[
				'release 0.1.0 (flat keys)',
				(token: string, channelId: string) => ({
					channelId,
					token,
					notifyUrl: 'x',
					events: ['Contacts.create'],
					expiresAt: new Date().toISOString(),
					grantedAt: 1,
				}),
			],
			[
				'the previous channel record (its definition)',
				(token: string, channelId: string) => ({
					channel: {
						definition: { channel_id: channelId, token },
						expiresAt: new Date().toISOString(),
						grantedAt: 1,
					},
				}),
			],
		])(
			'drops the token %s stored on the next activation, and keeps the channel',
			async (_label, older) => {
				await h.activate();
				const [channel] = await h.channels();
				h.staticData = older(channel.token, channel.channel_id);
				expect(await methods.checkExists.call(h.hook())).toBe(true);
				expect(JSON.stringify(h.staticData)).not.toContain(channel.token);
				expect(h.stored().channelId).toBe(channel.channel_id);
				expect(await h.channels()).toMatchObject([identityOf(channel)]);
			},
		);
	});

	describe('static data that loses the channel under a running trigger', () => {
		const erase = (staticData: IDataObject) => {
			for (const key of Object.keys(staticData)) delete staticData[key];
		};
		const expiryOf = async () => Date.parse(String((await h.channels())[0]?.channel_expiry));

		it('the renewer keeps renewing the channel it had (one process: an execution saved a copy without it)', async () => {
			await h.activate();
			erase(h.staticData);
			const before = await expiryOf();
			h.travel(22 * HOUR);
			await h.tick();
			expect(await expiryOf()).toBeGreaterThan(before + 20 * HOUR);
			expect(h.failedExecutions).toEqual([]);
		});

		it("a renewer that starts on a copy without it (a leader change) finds it in Bigin under the node's derived id, and renews it", async () => {
			await h.activate();
			await h.triggerResponse?.closeFunction?.();
			const [channel] = await h.channels();
			h.staticData = { global: { counter: 1 } };
			await h.startTrigger();
			const from = h.sim.state.requestLog.length;
			await h.tick();
			expect(h.biginCalls(from)).toEqual([]);
			h.travel(ACTIVATION_GRACE_MS);
			await h.tick();
			expect(h.biginCalls(from)).toEqual(['GET', 'GET']);
			expect(h.log).toContainEqual(
				expect.objectContaining({ message: expect.stringContaining('found it in Bigin') }),
			);
			const before = await expiryOf();
			h.travel(22 * HOUR);
			await h.tick();
			expect(await expiryOf()).toBeGreaterThan(before + 20 * HOUR);
			expect(await h.channels()).toMatchObject([identityOf(channel)]);
			const notification = {
				server_time: Date.now(),
				module: 'Contacts',
				ids: ['1'],
				operation: 'delete',
				channel_id: channel.channel_id,
				token: channel.token,
			};
			expect((await h.handleCall(notification)).status).toBe(200);
		});

		it('says so once in the executions list, and in the error log, when Bigin has no such channel either', async () => {
			await h.activate();
			await h.triggerResponse?.closeFunction?.();
			await h.deleteChannelInBigin();
			h.staticData = {};
			await h.startTrigger();
			await h.tick();
			expect(h.failedExecutions).toEqual([]);
			h.travel(ACTIVATION_GRACE_MS);
			await h.tick();
			h.travel(7 * HOUR);
			await h.tick();
			expect(h.failedExecutions).toHaveLength(1);
			expect(h.failedExecutions[0].message).toContain('channel is gone');
			expect(
				h.log.filter((line) => line.level === 'error' && line.message.includes('re-publish')),
			).toHaveLength(2);
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

		it('keeps the webhook when static data lost the channel too, and the renewer brings it back once Bigin answers', async () => {
			await h.activate();
			const [before] = await h.channels();
			h.staticData = {};
			await outage();
			expect(await methods.checkExists.call(h.hook())).toBe(true);
			expect(h.stored().channelId).toBe(before.channel_id);
			await h.client.control('DELETE', 'faults');
			await h.deleteChannelInBigin(before.channel_id);
			await h.startTrigger();
			await h.tick();
			expect(await h.channels()).toMatchObject([identityOf(before)]);
			await h.client.control('POST', 'records/Contacts', { Last_Name: 'After the outage' });
			await h.sim.settled();
			expect(h.executions).toHaveLength(1);
		}, 60_000);

		it('renews a channel it found during an outage by the cheapest method that works: a Bigin granting every channel a minute is renewed by PUT, not re-created each time', async () => {
			await h.client.control('POST', 'config', { expiryCapSeconds: 60 });
			await h.activate();
			await h.triggerResponse?.closeFunction?.();
			h.staticData = {};
			await outage();
			expect(await methods.checkExists.call(h.hook())).toBe(true);
			await h.client.control('DELETE', 'faults');
			await h.startTrigger();
			await h.tick();
			h.travel(30_000);
			const from = h.sim.state.requestLog.length;
			await h.tick();
			expect(writes(from)).toEqual(['PUT']);
		}, 60_000);

		it('still fails on what an outage is not (a refused credential), so that n8n reports the activation', async () => {
			h.credentials.oauthTokenData.access_token = 'revoked';
			h.credentials.oauthTokenData.refresh_token = 'revoked';
			await expect(methods.checkExists.call(h.hook())).rejects.toThrow();
			expect(h.staticData).toEqual({});
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
				channel_id: h.stored().channelId,
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
				{ channel_id: h.stored().channelId, token: h.tokenOf() },
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
				token: h.tokenOf(),
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
			expect(h.stored(clonedStaticData).channelId).not.toBe(production.channel_id);
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
				if (!h.sim.state.liveChannel(String(h.stored().channelId))) lapses += 1;
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
			expect(JSON.stringify(h.log)).not.toContain(h.tokenOf());
		});
	});
});
