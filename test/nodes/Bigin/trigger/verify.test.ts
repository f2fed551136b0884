import type { BiginNotification } from '../../../../nodes/Bigin/trigger/verify';
import { SERVER_TIME_WINDOW_MS, verifyNotification } from '../../../../nodes/Bigin/trigger/verify';
import { channelSettings } from '../../../support/channelSettings';

const NOW = 1750102640000;
const expected = channelSettings({
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

const verify = (body: unknown, channel: Parameters<typeof verifyNotification>[1] = expected) =>
	verifyNotification(body, channel, NOW);

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

	it('rejects everything with 401 when no channel is registered', () => {
		expect(verifyNotification(notification(), undefined, NOW)).toMatchObject({
			outcome: 'reject',
			status: 401,
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
			channelSettings({ ...expected.definition, notify_on_related_action: true }),
		);
		expect(verdict.outcome).toBe('accept');
	});

	it.each([
		['an hour and a minute old', NOW - SERVER_TIME_WINDOW_MS.past - 60_000],
		['16 minutes ahead', NOW + SERVER_TIME_WINDOW_MS.future + 60_000],
		['1e16', 1e16],
		['negative', -1],
	])('ignores a server_time %s (a replay outside the window)', (_label, serverTime) => {
		expect(verify(notification({ server_time: serverTime }))).toMatchObject({
			outcome: 'ignore',
			status: 200,
		});
	});

	it('accepts a server_time within the window, also as a digit string', () => {
		expect(accepted(notification({ server_time: NOW - 59 * 60_000 })).server_time).toBe(
			NOW - 59 * 60_000,
		);
		expect(accepted(notification({ server_time: String(NOW) })).server_time).toBe(NOW);
	});

	it('takes exact numbers as ids, and each id once', () => {
		expect(accepted(notification({ ids: [42, '42', '7'] })).ids).toEqual(['42', '7']);
	});

	it('keeps only what the items need: never the token', () => {
		expect(JSON.stringify(accepted(notification()))).not.toContain('n8n-secret-token');
	});
});
