import type { IDataObject } from 'n8n-workflow';

import type {
	ChannelDefinition,
	ChannelListEntry,
	WatchItemResult,
} from '../../transport/notifications';

/** One item per channel and module, the shape Bigin's listing uses, without the token itself. */
export function subscribedModules(
	result: WatchItemResult,
	definition: ChannelDefinition,
): IDataObject[] {
	const modules = result.details?.events ?? [];
	return modules.map((module) => ({
		channel_id: module.channel_id ?? definition.channel_id,
		resource_name: module.resource_name,
		events: definition.events.filter((event) => event.startsWith(`${module.resource_name}.`)),
		channel_expiry: module.channel_expiry,
		notify_url: definition.notify_url,
		notify_on_related_action: definition.notify_on_related_action ?? false,
		return_affected_field_values: definition.return_affected_field_values ?? false,
		has_token: typeof definition.token === 'string' && definition.token !== '',
		resource_id: module.resource_id,
		message: result.message,
	}));
}

export function listedChannel(entry: ChannelListEntry): IDataObject {
	return {
		channel_id: entry.channel_id,
		resource_name: entry.resource_name,
		events: entry.events,
		channel_expiry: entry.channel_expiry,
		notify_url: entry.notify_url,
		notify_on_related_action: entry.notify_on_related_action,
		return_affected_field_values: entry.return_affected_field_values,
		has_token: typeof entry.token === 'string' && entry.token !== '',
		resource_id: entry.resource_id,
	};
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
