import {
	affectedFieldsFor,
	notificationItems,
	verifyNotification,
} from '../../../../nodes/Bigin/trigger/notification';

const expected = { channelId: '1735689600123', token: 'n8n-secret-token' };

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

describe('Verifying a notification', () => {
	it("accepts a notification with this channel's id and token", () => {
		const verdict = verifyNotification(notification(), expected);
		expect(verdict.accepted).toBe(true);
	});

	it.each([
		['a wrong token', { token: 'guess' }],
		['a missing token', { token: null }],
		['another channel', { channel_id: '999' }],
	])('rejects %s with 401', (_label, overrides) => {
		expect(verifyNotification(notification(overrides), expected)).toMatchObject({
			accepted: false,
			status: 401,
		});
	});

	it('rejects everything with 401 when no channel is registered', () => {
		expect(verifyNotification(notification(), undefined)).toMatchObject({
			accepted: false,
			status: 401,
		});
	});

	it.each([
		['a string body', 'hello'],
		['an array body', [1, 2]],
		['no ids', notification({ ids: [] })],
		['ids that are not a list', notification({ ids: '1' })],
		['an unknown operation', notification({ operation: 'upsert' })],
		['no module', notification({ module: undefined })],
	])('rejects %s with 400', (_label, body) => {
		expect(verifyNotification(body, expected)).toMatchObject({ accepted: false, status: 400 });
	});

	it('checks the token before the shape, so a forged body learns nothing', () => {
		expect(
			verifyNotification({ channel_id: '1735689600123', token: 'guess' }, expected),
		).toMatchObject({ status: 401 });
	});
});

describe('Mapping a notification to items', () => {
	it("outputs one item per record id, in the Events parameter's vocabulary", () => {
		const items = notificationItems({
			...notification({ ids: ['1', '2', 3] }),
			ids: ['1', '2', '3'],
		} as never);
		expect(items).toHaveLength(3);
		expect(items[0]).toEqual({
			module: 'Contacts',
			event: 'Contacts.create',
			operation: 'create',
			recordId: '1',
			affectedFields: [],
			serverTime: '2025-06-16T19:37:19.787Z',
			channelId: '1735689600123',
		});
		expect(items.map((item) => item.recordId)).toEqual(['1', '2', '3']);
	});

	it('maps update and delete to edit and delete', () => {
		expect(notificationItems(notification({ operation: 'update' }) as never)[0]).toMatchObject({
			event: 'Contacts.edit',
			operation: 'edit',
		});
		expect(notificationItems(notification({ operation: 'delete' }) as never)[0]).toMatchObject({
			event: 'Contacts.delete',
			operation: 'delete',
		});
	});

	it('never outputs the token', () => {
		expect(JSON.stringify(notificationItems(notification() as never))).not.toContain(
			'n8n-secret-token',
		);
	});

	it('reads affected fields per record and as a flat list', () => {
		expect(affectedFieldsFor([{ 1: ['Phone'] }, { 2: ['Email', 'Title'] }], '2')).toEqual([
			'Email',
			'Title',
		]);
		expect(affectedFieldsFor(['First_Name', 'Email'], '2')).toEqual(['First_Name', 'Email']);
		expect(affectedFieldsFor(undefined, '2')).toEqual([]);
	});

	it('adds affected values for the record when Bigin sent them', () => {
		const items = notificationItems(
			notification({
				operation: 'update',
				ids: ['1', '2'],
				affected_fields: [{ 1: ['Phone'] }, { 2: ['Phone'] }],
				affected_values: [{ record_id: '2', values: { Phone: '555-555-1111' } }],
			}) as never,
		);
		expect(items[0].affectedValues).toBeUndefined();
		expect(items[1]).toMatchObject({
			affectedFields: ['Phone'],
			affectedValues: { Phone: '555-555-1111' },
		});
	});
});
