import {
	channelDifference,
	expandedEvents,
	foreignNotifyUrl,
} from '../../../../nodes/Bigin/trigger/channelMatch';
import type { ChannelListEntry } from '../../../../nodes/Bigin/transport/channels';

const URL = 'https://n8n.example.com/webhook/abc/webhook';

const wanted = {
	notifyUrl: URL,
	token: 'derived-token',
	events: ['Contacts.create', 'Accounts.all'],
	notifyOnRelatedAction: false,
};

const entry = (overrides: Partial<ChannelListEntry>): ChannelListEntry => ({
	channel_id: '123456789012345',
	events: [],
	notify_url: URL,
	token: 'derived-token',
	channel_expiry: '2026-11-28T10:00:00+03:00',
	resource_name: 'Contacts',
	resource_id: '1',
	resource_uri: 'https://www.zohoapis.com/bigin/v1/Contacts',
	notify_on_related_action: false,
	return_affected_field_values: false,
	...overrides,
});

describe('Comparing a listed channel with the wanted one', () => {
	it('spells X.all out as create, edit and delete', () => {
		expect(expandedEvents(['Accounts.all', 'Contacts.edit'])).toEqual(
			new Set(['Accounts.create', 'Accounts.edit', 'Accounts.delete', 'Contacts.edit']),
		);
	});

	it.each([
		['as written', ['Accounts.all']],
		['expanded, in any order', ['Accounts.edit', 'Accounts.create', 'Accounts.delete']],
	])('finds no difference when Bigin lists X.all %s', (_label, accountEvents) => {
		const entries = [
			entry({ events: ['Contacts.create'] }),
			entry({ events: accountEvents, resource_name: 'Accounts' }),
		];
		expect(channelDifference(entries, wanted)).toBeUndefined();
	});

	it.each([
		['missing', []],
		['notify URL', [entry({ events: ['Contacts.create'], notify_url: 'https://other/' })]],
		['token', [entry({ events: ['Contacts.create'], token: null })]],
		['notify on related action', [entry({ notify_on_related_action: true })]],
		['events', [entry({ events: ['Contacts.create'] })]],
	])('names the difference: %s', (difference, entries) => {
		expect(channelDifference(entries, wanted)).toBe(difference);
	});

	it('names a notify URL that is not ours', () => {
		expect(foreignNotifyUrl([entry({ notify_url: 'https://staging/' })], URL)).toBe(
			'https://staging/',
		);
		expect(foreignNotifyUrl([entry({})], URL)).toBeUndefined();
	});
});
