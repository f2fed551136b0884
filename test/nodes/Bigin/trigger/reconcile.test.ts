import type { ChannelListEntry } from '../../../../nodes/Bigin/transport/channels';
import { listedChannels } from '../../../../nodes/Bigin/transport/channels';
import type { Reconciliation } from '../../../../nodes/Bigin/trigger/reconcile';
import {
	expandedEvents,
	foreignNotifyUrl,
	reconcile,
} from '../../../../nodes/Bigin/trigger/reconcile';
import { channelSettings } from '../../../support/channelSettings';

const URL = 'https://n8n.example.com/webhook/abc/webhook';
const EXPIRY = '2026-11-28T10:00:00+03:00';

const settings = channelSettings({ notify_url: URL });

const entry = (overrides: Partial<ChannelListEntry>): ChannelListEntry => ({
	channel_id: '123456789012345',
	events: [],
	notify_url: URL,
	token: 'derived-token',
	channel_expiry: EXPIRY,
	resource_name: 'Contacts',
	resource_id: '1',
	resource_uri: 'https://www.zohoapis.com/bigin/v1/Contacts',
	notify_on_related_action: false,
	return_affected_field_values: false,
	...overrides,
});

/** Bigin's listing of the channel: its Contacts entry as given, and its Accounts entry. */
const listing = (
	contacts: Partial<ChannelListEntry>,
	accountEvents = ['Accounts.all'],
	accounts: Partial<ChannelListEntry> = {},
) =>
	listedChannels([
		entry({ events: ['Contacts.create'], ...contacts }),
		entry({ events: accountEvents, resource_name: 'Accounts', ...contacts, ...accounts }),
	])[0];

describe('Reconciling the settings with what Bigin lists for the channel', () => {
	it('spells X.all out as create, edit and delete', () => {
		expect(expandedEvents(['Accounts.all', 'Contacts.edit'])).toEqual(
			new Set(['Accounts.create', 'Accounts.edit', 'Accounts.delete', 'Contacts.edit']),
		);
	});

	it.each<[string, ReturnType<typeof listing> | undefined, Reconciliation]>([
		[
			'Bigin lists X.all as written: keep, adopting its expiry',
			listing({}),
			{ action: 'keep', expiresAt: EXPIRY },
		],
		[
			'Bigin lists X.all expanded, in any order: keep',
			listing({}, ['Accounts.edit', 'Accounts.create', 'Accounts.delete']),
			{ action: 'keep', expiresAt: EXPIRY },
		],
		[
			'a flag Bigin leaves out counts as off: keep',
			listing({ return_affected_field_values: undefined }),
			{ action: 'keep', expiresAt: EXPIRY },
		],
		['Bigin does not have it: enable', undefined, { action: 'enable' }],
		[
			'it notifies another URL: refuse, naming that URL',
			listing({}, ['Accounts.all'], { notify_url: 'https://other/' }),
			{ action: 'refuse', notifyUrl: 'https://other/' },
		],
		[
			'its token differs: rewrite',
			listing({ token: null }),
			{ action: 'rewrite', fields: ['token'], expiresAt: EXPIRY },
		],
		[
			'Notify on Related Action differs: rewrite',
			listing({ notify_on_related_action: true }),
			{ action: 'rewrite', fields: ['notify_on_related_action'], expiresAt: EXPIRY },
		],
		[
			'Include Changed Values differs: rewrite',
			listing({ return_affected_field_values: true }),
			{ action: 'rewrite', fields: ['return_affected_field_values'], expiresAt: EXPIRY },
		],
		[
			'its events differ: rewrite',
			listing({}, ['Accounts.edit']),
			{ action: 'rewrite', fields: ['events'], expiresAt: EXPIRY },
		],
		[
			'several fields differ: rewrite, naming each',
			listing({ token: 'changed', notify_on_related_action: true }, ['Accounts.edit']),
			{
				action: 'rewrite',
				fields: ['events', 'token', 'notify_on_related_action'],
				expiresAt: EXPIRY,
			},
		],
	])('%s', (_label, listed, expected) => {
		expect(reconcile(settings, listed)).toEqual(expected);
	});

	it('compares every field of the settings, so a new one is compared without more code', () => {
		const withCondition = {
			...settings,
			definition: { ...settings.definition, notification_condition: [{ field: 'Stage' }] },
		};
		expect(reconcile(withCondition, listing({}))).toMatchObject({
			action: 'rewrite',
			fields: ['notification_condition'],
		});
		expect(
			reconcile(withCondition, listing({ notification_condition: [{ field: 'Stage' }] })),
		).toMatchObject({ action: 'keep' });
	});

	it('names a notify URL that is not ours', () => {
		expect(foreignNotifyUrl(listing({ notify_url: 'https://staging/' }), URL)).toBe(
			'https://staging/',
		);
		expect(foreignNotifyUrl(listing({}), URL)).toBeUndefined();
	});
});
