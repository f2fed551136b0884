import type { IDataObject } from 'n8n-workflow';

import type { BiginItemError, BiginStatusEntry } from './errors';
import { BiginApiError, itemErrorsOf } from './errors';
import type { BiginContext } from './request';
import { biginApiRequest } from './request';

const WATCH = 'actions/watch';

/** A channel as Bigin's enable/update calls take it. */
export interface ChannelDefinition extends IDataObject {
	channel_id: string;
	events: string[];
	notify_url: string;
	token?: string;
	channel_expiry?: string;
	notify_on_related_action?: boolean;
	return_affected_field_values?: boolean;
}

/** One (channel, module) entry of Bigin's channel listing: a channel is listed once per module. */
export interface ChannelListEntry extends IDataObject {
	channel_id: string;
	events: string[];
	notify_url: string;
	token: string | null;
	channel_expiry: string;
	resource_name: string;
	resource_id: string;
	resource_uri: string;
	notify_on_related_action: boolean;
	return_affected_field_values: boolean;
}

/** One module a channel is subscribed to, as enable/update report it. */
export interface SubscribedModule extends IDataObject {
	channel_id: string;
	channel_expiry: string;
	resource_name: string;
	resource_id: string;
	resource_uri: string;
}

export interface WatchItemResult extends BiginStatusEntry {
	details?: IDataObject & { events?: SubscribedModule[] };
}

export interface WatchResult {
	statusCode: number;
	items: WatchItemResult[];
	errors: BiginItemError[];
}

export interface ChannelPage {
	entries: ChannelListEntry[];
	moreRecords: boolean;
}

export interface ChannelQuery extends IDataObject {
	channel_id?: string;
	module?: string;
	page?: number;
	per_page?: number;
}

async function sendWatch(
	context: BiginContext,
	method: 'POST' | 'PUT' | 'PATCH',
	watch: IDataObject[],
): Promise<WatchResult> {
	const response = await biginApiRequest<{ watch?: WatchItemResult[] }>(context, {
		method,
		resource: WATCH,
		body: { watch },
	});
	return {
		statusCode: response.statusCode,
		items: response.body?.watch ?? [],
		errors: itemErrorsOf(response.body, 'watch'),
	};
}

export async function enableChannels(context: BiginContext, channels: ChannelDefinition[]) {
	return await sendWatch(context, 'POST', channels);
}

/** Full replace: whatever a definition leaves out (the token too) is dropped by Bigin. */
export async function replaceChannels(context: BiginContext, channels: ChannelDefinition[]) {
	return await sendWatch(context, 'PUT', channels);
}

export async function removeChannelEvents(
	context: BiginContext,
	removals: Array<{ channel_id: string; events: string[] }>,
) {
	return await sendWatch(
		context,
		'PATCH',
		removals.map((removal) => ({ ...removal, _delete_events: true })),
	);
}

export async function listChannels(
	context: BiginContext,
	query: ChannelQuery,
): Promise<ChannelPage> {
	const response = await biginApiRequest<{ watch?: ChannelListEntry[]; info?: IDataObject }>(
		context,
		{ method: 'GET', resource: WATCH, qs: query },
	);
	return {
		entries: response.body?.watch ?? [],
		moreRecords: response.body?.info?.more_records === true,
	};
}

export async function disableChannels(context: BiginContext, channelIds: string[]) {
	const response = await biginApiRequest<{ watch?: WatchItemResult[] }>(context, {
		method: 'DELETE',
		resource: WATCH,
		qs: { channel_ids: channelIds.join(',') },
	});
	return {
		statusCode: response.statusCode,
		items: response.body?.watch ?? [],
		errors: itemErrorsOf(response.body, 'watch'),
	};
}

export const NOT_SUBSCRIBED = 'NOT_SUBSCRIBED';

/** Fails on the first per-item error, unless its code is one the caller can live with. */
export function throwOnItemErrors(
	context: BiginContext,
	result: { statusCode: number; errors: BiginItemError[] },
	tolerated: string[] = [],
	itemIndex?: number,
): void {
	const fatal = result.errors.find(({ entry }) => !tolerated.includes(entry.code ?? ''));
	if (fatal) {
		throw new BiginApiError(context.getNode(), fatal.entry, {
			httpCode: result.statusCode,
			transient: false,
			itemIndex,
		});
	}
}

/** The earliest expiry Bigin reports across a channel's modules: the channel lives until then. */
export function earliestExpiry(modules: Array<{ channel_expiry?: string }>): string | undefined {
	return modules
		.map((module) => module.channel_expiry)
		.filter((expiry): expiry is string => typeof expiry === 'string' && expiry !== '')
		.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

/** The fields of a listing entry that describe one module of the channel rather than the channel. */
const MODULE_FIELDS = ['resource_name', 'resource_id', 'resource_uri', 'channel_expiry', 'events'];

/** One channel of Bigin's listing, put back together from its per-module entries. */
export interface ListedChannel {
	/**
	 * The channel as enable and update take it: every field its entries share, the events of all its
	 * modules, and none that Bigin lists as unset (a null token).
	 */
	definition: ChannelDefinition;
	/** The earliest expiry across its modules: the channel lives until then. */
	expiry: string | undefined;
	modules: ChannelListEntry[];
}

function listedChannel(modules: ChannelListEntry[]): ListedChannel {
	const shared = Object.entries(modules[0]).filter(
		([field, value]) => !MODULE_FIELDS.includes(field) && value !== null && value !== '',
	);
	const events = [...new Set(modules.flatMap((module) => module.events ?? []))];
	return {
		definition: { ...Object.fromEntries(shared), events } as ChannelDefinition,
		expiry: earliestExpiry(modules),
		modules,
	};
}

/** Bigin's listing grouped back into channels, in the order Bigin lists them. */
export function listedChannels(entries: ChannelListEntry[]): ListedChannel[] {
	const byChannel = new Map<string, ChannelListEntry[]>();
	for (const entry of entries) {
		byChannel.set(entry.channel_id, [...(byChannel.get(entry.channel_id) ?? []), entry]);
	}
	return [...byChannel.values()].map(listedChannel);
}

/** What Bigin lists for one channel id: undefined when Bigin does not have the channel. */
export async function readChannel(
	context: BiginContext,
	channelId: string,
): Promise<ListedChannel | undefined> {
	const { entries } = await listChannels(context, { channel_id: channelId });
	return entries.length === 0 ? undefined : listedChannel(entries);
}
