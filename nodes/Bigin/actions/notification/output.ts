import type { IDataObject } from 'n8n-workflow';

import type {
	ChannelDefinition,
	ChannelListEntry,
	WatchItemResult,
} from '../../transport/notifications';
import { earliestExpiry } from '../../transport/notifications';

/**
 * One item per channel: the channel's own settings, the earliest expiry across its modules (the
 * channel lives until then), and Bigin's per-module entries under `modules`. Never the token.
 */
function channelItem(
	channel: {
		channel_id: string;
		events: string[];
		notify_url: string;
		notify_on_related_action?: boolean;
		return_affected_field_values?: boolean;
		token?: string | null;
	},
	modules: IDataObject[],
): IDataObject {
	return {
		channel_id: channel.channel_id,
		events: channel.events,
		notify_url: channel.notify_url,
		channel_expiry: earliestExpiry(modules as Array<{ channel_expiry?: string }>) ?? null,
		notify_on_related_action: channel.notify_on_related_action ?? false,
		return_affected_field_values: channel.return_affected_field_values ?? false,
		has_token: typeof channel.token === 'string' && channel.token !== '',
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

/** Bigin lists a channel once per module; this groups the listing back into channels, in order. */
export function listedChannels(entries: ChannelListEntry[]): IDataObject[] {
	const byChannel = new Map<string, ChannelListEntry[]>();
	for (const entry of entries) {
		byChannel.set(entry.channel_id, [...(byChannel.get(entry.channel_id) ?? []), entry]);
	}
	return [...byChannel.values()].map((channelEntries) => {
		const definition = definitionFromListing(channelEntries);
		const modules = channelEntries.map((entry) => ({
			resource_name: entry.resource_name,
			resource_id: entry.resource_id,
			resource_uri: entry.resource_uri,
			channel_expiry: entry.channel_expiry,
			events: entry.events,
		}));
		return channelItem({ ...definition, token: channelEntries[0].token }, modules);
	});
}

/** Bigin lists a channel once per module; a definition to send back needs them merged. */
export function definitionFromListing(entries: ChannelListEntry[]): ChannelDefinition {
	const [first] = entries;
	const definition: ChannelDefinition = {
		channel_id: first.channel_id,
		events: [...new Set(entries.flatMap((entry) => entry.events))],
		notify_url: first.notify_url,
		notify_on_related_action: first.notify_on_related_action === true,
		return_affected_field_values: first.return_affected_field_values === true,
	};
	if (typeof first.token === 'string' && first.token !== '') definition.token = first.token;
	return definition;
}
