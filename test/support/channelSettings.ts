import type { ChannelSettings } from '../../nodes/Bigin/trigger/settings';
import type { Expectation } from '../../nodes/Bigin/trigger/verify';

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

/**
 * What verification expects of a call to the channel with these settings, as the webhook builds it:
 * the settings' channel id (and `otherChannelIds`) as this node's, and a token that is the settings'
 * for every channel id in `validTokens`, as if derived from the same Client Secret.
 */
export function expectationFor(
	settings: ChannelSettings,
	options: { otherChannelIds?: string[]; validTokens?: Record<string, string> } = {},
): Expectation {
	const { channel_id, token, events, notify_on_related_action } = settings.definition;
	const tokens: Record<string, string> = { [channel_id]: token, ...options.validTokens };
	return {
		channelIds: [channel_id, ...(options.otherChannelIds ?? [])],
		tokenOf: (channelId) => tokens[channelId] ?? `token-of-${channelId}`,
		watching: () => ({ events, notifyOnRelatedAction: notify_on_related_action }),
	};
}
