import type { ChannelSettings } from '../../nodes/Bigin/trigger/settings';

/**
 * A production channel's settings as readChannelSettings returns them, every option off, with
 * `overrides` in its definition: the one place tests spell out a whole definition.
 */
export function channelSettings(
	overrides: Partial<ChannelSettings['definition']> = {},
): ChannelSettings {
	return {
		definition: {
			channel_id: '123456789012345',
			events: ['Contacts.create', 'Accounts.all'],
			notify_url: 'https://n8n.example.com/webhook/abc/webhook',
			token: 'derived-token',
			notify_on_related_action: false,
			return_affected_field_values: false,
			...overrides,
		},
		lifetimeHours: 23,
	};
}
