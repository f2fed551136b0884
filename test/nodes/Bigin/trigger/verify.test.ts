import type { BiginNotification, Expectation } from '../../../../nodes/Bigin/trigger/verify';
import {
	MAX_IDS_PER_NOTIFICATION,
	verifyNotification,
} from '../../../../nodes/Bigin/trigger/verify';
import { channelSettings, expectationFor } from '../../../support/channelSettings';

const NOW = 1750102640000;
const settings = channelSettings({
	channel_id: '1735689600123',
	events: ['Contacts.create', 'Contacts.edit', 'Accounts.all'],
	token: 'n8n-secret-token',
});

const notification = (overrides: Record<string, unknown> = {}) => ({
	server_time: 1750102639787,
	query_params: {},
	module: 'Contacts',
	resource_uri: 'https://www.zohoapis.com/bigin/v2/Contacts',
	ids: ['6756839000000575405'],
	affected_fields: [],
	operation: 'insert',
	channel_id: '1735689600123',
	token: 'n8n-secret-token',
	...overrides,
});

const expected = expectationFor(settings);

const verify = (body: unknown, expectation: Expectation = expected) =>
	verifyNotification(body, expectation);

const accepted = (body: unknown): BiginNotification => {
	const verdict = verify(body);
	if (verdict.outcome !== 'accept') throw new Error(`not accepted: ${JSON.stringify(verdict)}`);
	return verdict.notification;
};

describe('Verifying a notification', () => {
	it("accepts a notification with this channel's id and token", () => {
		expect(accepted(notification())).toMatchObject({
			module: 'Contacts',
			operation: 'insert',
			ids: ['6756839000000575405'],
			server_time: 1750102639787,
		});
	});

	it.each([
		['a wrong token', { token: 'guess' }],
		['a missing token', { token: null }],
		['another channel', { channel_id: '999' }],
	])('rejects %s with 401', (_label, overrides) => {
		expect(verify(notification(overrides))).toMatchObject({ outcome: 'reject', status: 401 });
	});

	describe("says why a call that looks like Bigin's was refused, and stays quiet about strangers", () => {
		it("token mismatch: this node's channel with another token (a changed Client Secret)", () => {
			expect(verify(notification({ token: 'from-the-old-client-secret' }))).toEqual({
				outcome: 'reject',
				status: 401,
				reason: 'Unknown channel or wrong verification token',
				refusal: 'token mismatch',
			});
		});

		it('token mismatch also on the channel this process derives, when activation stored another', () => {
			const both = expectationFor(settings, { otherChannelIds: ['4711'] });
			expect(verify(notification({ channel_id: '4711', token: 'guess' }), both)).toMatchObject({
				refusal: 'token mismatch',
			});
			expect(
				verify(notification({ channel_id: '4711', token: 'token-of-4711' }), both).outcome,
			).toBe('accept');
		});

		it("stale channel: a token this credential's Client Secret gives, for a channel this node does not have", () => {
			expect(verify(notification({ channel_id: '999', token: 'token-of-999' }))).toMatchObject({
				outcome: 'reject',
				status: 401,
				refusal: 'stale channel',
			});
		});

		it('no Client Secret: nothing can be checked, and a call naming this channel is worth telling', () => {
			const secretless: Expectation = { ...expected, tokenOf: () => undefined };
			expect(verify(notification(), secretless)).toMatchObject({
				status: 401,
				refusal: 'no Client Secret',
			});
			expect(verify(notification({ channel_id: '999' }), secretless)).not.toHaveProperty('refusal');
		});

		it.each([
			['a forged token for another channel', { channel_id: '999', token: 'guess' }],
			['no channel id', { channel_id: undefined, token: 'guess' }],
		])('none for %s', (_label, overrides) => {
			expect(verify(notification(overrides))).not.toHaveProperty('refusal');
		});
	});

	it.each([
		['a string body', 'hello'],
		['an array body', [1, 2]],
		['no ids', notification({ ids: [] })],
		['ids that are not a list', notification({ ids: '1' })],
		['an id that is an object', notification({ ids: [{ id: '1' }] })],
		['an id with a null', notification({ ids: ['1', null] })],
		['a number id too large to be exact', notification({ ids: [Number('6756839000000575405')] })],
		['no module', notification({ module: undefined })],
		['no operation', notification({ operation: undefined })],
		['no server_time', notification({ server_time: undefined })],
		['a server_time that is not a number', notification({ server_time: 'yesterday' })],
	])('rejects %s with 400', (_label, body) => {
		expect(verify(body)).toMatchObject({ outcome: 'reject', status: 400 });
	});

	it('checks the token before the shape, so a forged body learns nothing', () => {
		expect(verify({ channel_id: '1735689600123', token: 'guess' })).toMatchObject({ status: 401 });
	});

	it('answers 200 and starts nothing for an operation it does not know', () => {
		expect(verify(notification({ operation: 'upsert' }))).toEqual({
			outcome: 'ignore',
			status: 200,
			reason: 'Ignored: unknown operation "upsert"',
		});
	});

	it('ignores a module the channel does not watch', () => {
		expect(verify(notification({ module: 'Products' }))).toMatchObject({
			outcome: 'ignore',
			status: 200,
		});
		expect(accepted(notification({ module: 'Accounts', operation: 'delete' })).module).toBe(
			'Accounts',
		);
	});

	it('accepts any module when Notify on Related Action is on, as related records may arrive under their own', () => {
		const verdict = verify(
			notification({ module: 'Notes' }),
			expectationFor(channelSettings({ ...settings.definition, notify_on_related_action: true })),
		);
		expect(verdict.outcome).toBe('accept');
	});

	it.each([
		['two hours old (Bigin retrying after n8n was down)', NOW - 2 * 3600_000],
		['a day old', NOW - 24 * 3600_000],
		['16 minutes ahead (a clock off)', NOW + 16 * 60_000],
		['as a digit string', String(NOW)],
	])('accepts a late or early notification: a server_time %s', (_label, serverTime) => {
		expect(accepted(notification({ server_time: serverTime })).server_time).toBe(
			Number(serverTime),
		);
	});

	it(`turns at most ${MAX_IDS_PER_NOTIFICATION} ids into the notification, and says how many more it refused, without reading them`, () => {
		const ids = Array.from({ length: 1_000_000 }, (_, index) =>
			String(6756839000000000000n + BigInt(index)),
		);
		ids[999_999] = 'x'.repeat(200);
		const verdict = verify(notification({ ids }));
		if (verdict.outcome !== 'accept') throw new Error(JSON.stringify(verdict));
		expect(verdict.notification.ids).toEqual(ids.slice(0, MAX_IDS_PER_NOTIFICATION));
		expect(verdict.refusedIds).toEqual({
			count: 1_000_000 - MAX_IDS_PER_NOTIFICATION,
			first: ids[MAX_IDS_PER_NOTIFICATION],
			last: 'x'.repeat(64),
		});
		expect(
			verify(notification({ ids: ids.slice(0, MAX_IDS_PER_NOTIFICATION) })),
		).not.toHaveProperty('refusedIds');
	});

	it('takes exact numbers as ids, and each id once', () => {
		expect(accepted(notification({ ids: [42, '42', '7'] })).ids).toEqual(['42', '7']);
	});

	it('keeps only what the items need: never the token', () => {
		expect(JSON.stringify(accepted(notification()))).not.toContain('n8n-secret-token');
	});
});
