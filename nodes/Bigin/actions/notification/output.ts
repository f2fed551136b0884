import type { IDataObject } from 'n8n-workflow';

import type {
	ChannelDefinition,
	ChannelListEntry,
	WatchItemResult,
} from '../../transport/channels';
import { earliestExpiry, listedChannels } from '../../transport/channels';

/**
 * One item per channel: the channel's own settings, the earliest expiry across its modules (the
 * channel lives until then), and Bigin's per-module entries under `modules`. Never the token.
 */
function channelItem(definition: ChannelDefinition, modules: IDataObject[]): IDataObject {
	return {
		channel_id: definition.channel_id,
		events: definition.events,
		notify_url: definition.notify_url,
		channel_expiry: earliestExpiry(modules as Array<{ channel_expiry?: string }>) ?? null,
		notify_on_related_action: definition.notify_on_related_action ?? false,
		return_affected_field_values: definition.return_affected_field_values ?? false,
		has_token: typeof definition.token === 'string' && definition.token !== '',
		modules,
	};
}

/** The channel an enable or update just wrote, with the modules Bigin subscribed it to. */
export function writtenChannel(
	result: WatchItemResult,
	definition: ChannelDefinition,
): IDataObject {
	const modules = (result.details?.events ?? []).map((module) => ({
		resource_name: module.resource_name,
		resource_id: module.resource_id,
		resource_uri: module.resource_uri,
		channel_expiry: module.channel_expiry,
	}));
	return { ...channelItem(definition, modules), message: result.message ?? null };
}

/** One item per channel of Bigin's listing (which lists a channel once per module), in order. */
export function listedChannelItems(entries: ChannelListEntry[]): IDataObject[] {
	return listedChannels(entries).map((channel) =>
		channelItem(
			channel.definition,
			channel.modules.map((entry) => ({
				resource_name: entry.resource_name,
				resource_id: entry.resource_id,
				resource_uri: entry.resource_uri,
				channel_expiry: entry.channel_expiry,
				events: entry.events,
			})),
		),
	);
}
