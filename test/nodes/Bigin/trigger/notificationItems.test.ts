import type { BiginNotification } from '../../../../nodes/Bigin/trigger/verify';
import { verifyNotification } from '../../../../nodes/Bigin/trigger/verify';
import {
	affectedFieldsFor,
	affectedValuesFor,
	notificationItems,
} from '../../../../nodes/Bigin/trigger/notificationItems';
import { channelSettings, expectationFor } from '../../../support/channelSettings';

const channel = channelSettings({
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

/** A body as the webhook hands it on once verified. */
const accepted = (body: unknown): BiginNotification => {
	const verdict = verifyNotification(body, expectationFor(channel));
	if (verdict.outcome !== 'accept') throw new Error(`not accepted: ${JSON.stringify(verdict)}`);
	return verdict.notification;
};

describe('Mapping a notification to items', () => {
	it("outputs one item per record id, in the Events parameter's vocabulary", () => {
		const items = notificationItems(accepted(notification({ ids: ['1', '2', 3] })));
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
		expect(notificationItems(accepted(notification({ operation: 'update' })))[0]).toMatchObject({
			event: 'Contacts.edit',
			operation: 'edit',
		});
		expect(notificationItems(accepted(notification({ operation: 'delete' })))[0]).toMatchObject({
			event: 'Contacts.delete',
			operation: 'delete',
		});
	});

	it('never outputs the token', () => {
		expect(JSON.stringify(notificationItems(accepted(notification())))).not.toContain(
			'n8n-secret-token',
		);
	});

	it('reads affected fields per record and as a flat list, and nothing from odd shapes', () => {
		expect(affectedFieldsFor([{ 1: ['Phone'] }, { 2: ['Email', 'Title'] }], '2')).toEqual([
			'Email',
			'Title',
		]);
		expect(affectedFieldsFor(['First_Name', 'Email'], '2')).toEqual(['First_Name', 'Email']);
		expect(affectedFieldsFor(undefined, '2')).toEqual([]);
		expect(affectedFieldsFor({ 2: ['Phone'] }, '2')).toEqual([]);
		expect(affectedFieldsFor([null, 3, { 2: null }], '2')).toEqual([]);
	});

	it('adds affected values for the record when Bigin sent them', () => {
		const items = notificationItems(
			accepted(
				notification({
					operation: 'update',
					ids: ['1', '2'],
					affected_fields: [{ 1: ['Phone'] }, { 2: ['Phone'] }],
					affected_values: [{ record_id: '2', values: { Phone: '555-555-1111' } }],
				}),
			),
		);
		expect(items[0].affectedValues).toBeUndefined();
		expect(items[1]).toMatchObject({
			affectedFields: ['Phone'],
			affectedValues: { Phone: '555-555-1111' },
		});
	});

	it('reads affected values keyed by record id, and ignores nulls and odd shapes', () => {
		expect(affectedValuesFor({ 2: { Phone: '1' } }, '2')).toEqual({ Phone: '1' });
		expect(affectedValuesFor([null, { record_id: '2', values: null }], '2')).toBeUndefined();
		expect(affectedValuesFor({ 2: null }, '2')).toBeUndefined();
		expect(affectedValuesFor('Phone', '2')).toBeUndefined();
		expect(affectedValuesFor(null, '2')).toBeUndefined();
	});
});
