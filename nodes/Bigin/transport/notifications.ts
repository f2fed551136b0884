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

/** One (channel, module) entry of Bigin's channel listing. */
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
