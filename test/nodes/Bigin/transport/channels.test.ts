import type { ChannelListEntry } from '../../../../nodes/Bigin/transport/channels';
import { earliestExpiry, listedChannels } from '../../../../nodes/Bigin/transport/channels';

/** A listing entry as Bigin returns it: one per channel and module, the token null when unset. */
const entry = (overrides: Partial<ChannelListEntry> = {}): ChannelListEntry => ({
	notify_on_related_action: false,
	channel_expiry: '2026-10-10T00:07:04+03:00',
	return_affected_field_values: false,
	resource_uri: 'https://www.zohoapis.com/bigin/v1/Contacts',
	resource_id: '7618134000000002179',
	notify_url: 'https://example.com/nango-webhook',
	resource_name: 'Contacts',
	fields: null,
	channel_id: '9876543210123',
	events: ['Contacts.create'],
	token: null,
	...overrides,
});

const accounts = (overrides: Partial<ChannelListEntry> = {}) =>
	entry({
		resource_name: 'Accounts',
		resource_id: '7618134000000002175',
		resource_uri: 'https://www.zohoapis.com/bigin/v1/Accounts',
		events: ['Accounts.edit', 'Accounts.delete'],
		...overrides,
	});

describe("Bigin's channel listing, put back together per channel", () => {
	it('gives a channel its own fields as enable and update take them, without the per-module ones', () => {
		const [channel] = listedChannels([entry({ token: 'receiver-secret' })]);
		expect(channel.definition).toEqual({
			channel_id: '9876543210123',
			events: ['Contacts.create'],
			notify_url: 'https://example.com/nango-webhook',
			token: 'receiver-secret',
			notify_on_related_action: false,
			return_affected_field_values: false,
		});
	});

	it('leaves out what Bigin lists as unset, so that a definition sent back sets no null token', () => {
		const [channel] = listedChannels([entry({ token: null })]);
		expect(channel.definition).not.toHaveProperty('token');
		expect(channel.definition).not.toHaveProperty('fields');
	});

	it('merges the events of all its modules, and keeps the earliest expiry and every module entry', () => {
		const contacts = entry({ channel_expiry: '2026-10-10T00:07:04+03:00' });
		const companies = accounts({ channel_expiry: '2026-10-09T23:07:04+03:00' });
		const [channel] = listedChannels([contacts, companies]);
		expect(channel.definition.events).toEqual([
			'Contacts.create',
			'Accounts.edit',
			'Accounts.delete',
		]);
		expect(channel.expiry).toBe('2026-10-09T23:07:04+03:00');
		expect(channel.modules).toEqual([contacts, companies]);
	});

	it('keeps a field Bigin adds one day, so that a definition sent back with a full replace keeps it', () => {
		const [channel] = listedChannels([entry({ notification_condition: [{ field: 'Stage' }] })]);
		expect(channel.definition.notification_condition).toEqual([{ field: 'Stage' }]);
	});

	it('groups entries by channel, in the order Bigin lists them', () => {
		const channels = listedChannels([
			entry({ channel_id: '2' }),
			entry({ channel_id: '1' }),
			accounts({ channel_id: '2' }),
		]);
		expect(channels.map((channel) => channel.definition.channel_id)).toEqual(['2', '1']);
		expect(channels[0].modules.map((module) => module.resource_name)).toEqual([
			'Contacts',
			'Accounts',
		]);
		expect(listedChannels([])).toEqual([]);
	});

	it('finds the earliest expiry across modules, ignoring empty ones', () => {
		expect(
			earliestExpiry([
				{ channel_expiry: '2026-10-10T00:00:00+03:00' },
				{ channel_expiry: '' },
				{ channel_expiry: '2026-10-09T22:00:00+00:00' },
			]),
		).toBe('2026-10-10T00:00:00+03:00');
		expect(earliestExpiry([])).toBeUndefined();
	});
});
