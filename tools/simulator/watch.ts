import { DateTime } from 'luxon';

import { moduleId } from './modules';
import { WATCHABLE_MODULES } from './seed';
import type { SimulatorState } from './state';
import type { Channel, Json, JsonObject } from './types';
import { ApiError, errorEntry } from './types';

const SUBSCRIBE_MESSAGE = 'Successfully subscribed for actions-watch of the given module';
const EVENT_PATTERN = /^([A-Za-z][A-Za-z0-9_]*)\.(create|edit|delete|all)$/;
const OFFSET_PATTERN = /(Z|[+-]\d{2}:?\d{2})$/;
const MAX_TOKEN_LENGTH = 50;
const MAX_URL_LENGTH = 255;
const MAX_CHANNELS_PER_CALL = 100;
const ONE_DAY_MS = 24 * 3600 * 1000;

type Method = 'POST' | 'PUT' | 'PATCH';

interface ItemOutcome {
	entry: JsonObject;
	ok: boolean;
}

/** A watch's `resource_id` is its module's id, as recorded. */
function resourceId(module: string): string {
	return moduleId(module);
}

function modulesOf(events: string[]): string[] {
	return [...new Set(events.map((event) => event.split('.')[0]))];
}

function itemError(
	code: string,
	message: string,
	index: number,
	field: string,
	extra: JsonObject = {},
): ItemOutcome {
	return {
		ok: false,
		entry: errorEntry(code, message, {
			api_name: field,
			json_path: `$.watch[${index}].${field}`,
			...extra,
		}),
	};
}

class ItemRejected extends Error {
	constructor(readonly outcome: ItemOutcome) {
		super(String(outcome.entry.code));
	}
}

function reject(
	code: string,
	message: string,
	index: number,
	field: string,
	extra: JsonObject = {},
): never {
	throw new ItemRejected(itemError(code, message, index, field, extra));
}

function readChannelId(item: JsonObject, index: number): string {
	const value = item.channel_id;
	if (value === undefined || value === null || value === '') {
		reject('MANDATORY_NOT_FOUND', 'required field not found', index, 'channel_id');
	}
	const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
	if (typeof text !== 'string' || !/^\d{1,18}$/.test(text)) {
		reject('INVALID_DATA', 'invalid data', index, 'channel_id', { expected_data_type: 'long' });
	}
	return text;
}

function readEvents(item: JsonObject, index: number, required: boolean): string[] | undefined {
	const value = item.events;
	if (value === undefined || value === null) {
		if (required) reject('MANDATORY_NOT_FOUND', 'required field not found', index, 'events');
		return undefined;
	}
	if (!Array.isArray(value)) {
		reject('INVALID_DATA', 'invalid data', index, 'events', { expected_data_type: 'jsonarray' });
	}
	if (value.length === 0)
		reject('MANDATORY_NOT_FOUND', 'required field not found', index, 'events');
	for (const event of value) {
		const match = typeof event === 'string' ? EVENT_PATTERN.exec(event) : null;
		if (!match || !WATCHABLE_MODULES.includes(match[1])) {
			reject('INVALID_DATA', 'invalid data', index, 'events');
		}
	}
	return [...new Set(value as string[])];
}

function readNotifyUrl(item: JsonObject, index: number, required: boolean): string | undefined {
	const value = item.notify_url;
	if (value === undefined || value === null || value === '') {
		if (required) reject('MANDATORY_NOT_FOUND', 'required field not found', index, 'notify_url');
		return undefined;
	}
	if (
		typeof value !== 'string' ||
		value.length > MAX_URL_LENGTH ||
		!/^https?:\/\/[^\s]+$/.test(value)
	) {
		reject('INVALID_DATA', 'invalid data', index, 'notify_url');
	}
	try {
		new URL(value);
	} catch {
		reject('INVALID_DATA', 'invalid data', index, 'notify_url');
	}
	return value;
}

function readToken(item: JsonObject, index: number): string | null | undefined {
	const value = item.token;
	if (value === undefined) return undefined;
	if (value === null) return null;
	if (typeof value !== 'string') {
		reject('INVALID_DATA', 'invalid data', index, 'token', { expected_data_type: 'string' });
	}
	if (value.length > MAX_TOKEN_LENGTH) {
		reject('INVALID_DATA', 'invalid data', index, 'token', { maximum_length: MAX_TOKEN_LENGTH });
	}
	return value;
}

function readBoolean(item: JsonObject, index: number, field: string): boolean | undefined {
	const value = item[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean') {
		reject('INVALID_DATA', 'invalid data', index, field, { expected_data_type: 'boolean' });
	}
	return value;
}

/** An expiry as Bigin applies it: over a day ahead falls back to the default unless configured to refuse. */
function readExpiry(state: SimulatorState, item: JsonObject, index: number): number | undefined {
	const value = item.channel_expiry;
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string' || !OFFSET_PATTERN.test(value)) {
		reject('INVALID_DATA', 'invalid data', index, 'channel_expiry', {
			expected_data_type: 'datetime',
		});
	}
	const parsed = DateTime.fromISO(value, { setZone: true });
	if (!parsed.isValid) {
		reject('INVALID_DATA', 'invalid data', index, 'channel_expiry', {
			expected_data_type: 'datetime',
		});
	}
	const at = parsed.toMillis();
	const now = state.now();
	if (at <= now) reject('INVALID_DATA', 'invalid data', index, 'channel_expiry');
	if (at > now + ONE_DAY_MS) {
		if (state.config.rejectLongExpiry)
			reject('INVALID_DATA', 'invalid data', index, 'channel_expiry');
		return undefined;
	}
	return at;
}

/**
 * The expiry a write ends up with. Under `expiryCapFrom: firstEnable` the one-day cap counts from the
 * channel's first enable, and an expiry past it falls back to the default, as an over-long one does.
 */
function effectiveExpiry(
	state: SimulatorState,
	requested: number | undefined,
	firstEnabledAt: number,
): number {
	const now = state.now();
	const pastFirstDay =
		state.config.expiryCapFrom === 'firstEnable' &&
		requested !== undefined &&
		requested > firstEnabledAt + ONE_DAY_MS;
	const expiry =
		requested === undefined || pastFirstDay
			? now + state.config.defaultExpirySeconds * 1000
			: requested;
	const cap = state.config.expiryCapSeconds;
	return cap > 0 ? Math.min(expiry, now + cap * 1000) : expiry;
}

function subscribedEntry(
	state: SimulatorState,
	channel: Channel,
	message = SUBSCRIBE_MESSAGE,
): JsonObject {
	return {
		code: 'SUCCESS',
		details: {
			events: modulesOf(channel.events).map((module) => ({
				channel_expiry: state.formatDate(channel.expiresAt),
				resource_uri: `${state.baseUrl}/bigin/v1/${module}`,
				resource_id: resourceId(module),
				resource_name: module,
				channel_id: channel.channelId,
			})),
		},
		message,
		status: 'success',
	};
}

function applyItem(state: SimulatorState, method: Method, item: Json, index: number): ItemOutcome {
	if (typeof item !== 'object' || item === null || Array.isArray(item)) {
		return {
			ok: false,
			entry: errorEntry('INVALID_DATA', 'invalid data', { json_path: `$.watch[${index}]` }),
		};
	}
	const channelId = readChannelId(item, index);
	const existing = state.liveChannel(channelId);
	if (method === 'PATCH') return patchItem(state, item, index, channelId, existing);

	const events = readEvents(item, index, true) as string[];
	const notifyUrl = readNotifyUrl(item, index, true) as string;
	const token = readToken(item, index);
	const notifyOnRelatedAction = readBoolean(item, index, 'notify_on_related_action');
	const returnAffectedFieldValues = readBoolean(item, index, 'return_affected_field_values');
	const expiry = readExpiry(state, item, index);
	if (method === 'PUT' && !existing) {
		return itemError('NOT_SUBSCRIBED', 'the given channel is not subscribed', index, 'channel_id');
	}
	const reposted = method === 'POST' && existing !== undefined;
	if (reposted && state.config.repostExisting === 'keepAllButExpiry') {
		existing.expiresAt = effectiveExpiry(state, expiry, existing.firstEnabledAt);
		return { ok: true, entry: subscribedEntry(state, existing) };
	}
	const merge = reposted && state.config.repostExisting === 'mergeEvents';
	// A PUT, or a re-enable that merges, changes the channel; a replacing POST enables it afresh.
	const firstEnabledAt =
		existing && (method === 'PUT' || merge) ? existing.firstEnabledAt : state.now();
	const channel: Channel = {
		channelId,
		events: merge && existing ? [...new Set([...existing.events, ...events])] : events,
		notifyUrl,
		token: token ?? null,
		expiresAt: effectiveExpiry(state, expiry, firstEnabledAt),
		notifyOnRelatedAction: notifyOnRelatedAction ?? false,
		returnAffectedFieldValues: returnAffectedFieldValues ?? false,
		createdAt: existing?.createdAt ?? state.now(),
		firstEnabledAt,
	};
	state.channels.set(channelId, channel);
	return { ok: true, entry: subscribedEntry(state, channel) };
}

function patchItem(
	state: SimulatorState,
	item: JsonObject,
	index: number,
	channelId: string,
	existing: Channel | undefined,
): ItemOutcome {
	const deleteEvents = readBoolean(item, index, '_delete_events') ?? false;
	const events = readEvents(item, index, deleteEvents);
	const notifyUrl = readNotifyUrl(item, index, false);
	const token = readToken(item, index);
	const notifyOnRelatedAction = readBoolean(item, index, 'notify_on_related_action');
	const returnAffectedFieldValues = readBoolean(item, index, 'return_affected_field_values');
	const expiry = readExpiry(state, item, index);
	if (!existing)
		return itemError('NOT_SUBSCRIBED', 'the given channel is not subscribed', index, 'channel_id');

	if (deleteEvents) {
		existing.events = existing.events.filter((event) => !(events ?? []).includes(event));
		if (existing.events.length === 0) {
			state.channels.delete(channelId);
			return {
				ok: true,
				entry: {
					code: 'SUCCESS',
					details: { channel_id: channelId },
					message: 'Successfully un-subscribed from actions-watch',
					status: 'success',
				},
			};
		}
		return {
			ok: true,
			entry: subscribedEntry(state, existing, 'Successfully updated the subscribe details'),
		};
	}
	if (events) existing.events = [...new Set([...existing.events, ...events])];
	if (notifyUrl) existing.notifyUrl = notifyUrl;
	if (token !== undefined) existing.token = token;
	if (notifyOnRelatedAction !== undefined) existing.notifyOnRelatedAction = notifyOnRelatedAction;
	if (returnAffectedFieldValues !== undefined)
		existing.returnAffectedFieldValues = returnAffectedFieldValues;
	if (item.channel_expiry !== undefined)
		existing.expiresAt = effectiveExpiry(state, expiry, existing.firstEnabledAt);
	return {
		ok: true,
		entry: subscribedEntry(state, existing, 'Successfully updated the subscribe details'),
	};
}

/** POST, PUT and PATCH on actions/watch: every item succeeds or fails on its own. */
export function writeChannels(
	state: SimulatorState,
	method: Method,
	body: Json,
): { status: number; body: JsonObject } {
	if (
		typeof body !== 'object' ||
		body === null ||
		Array.isArray(body) ||
		body.watch === undefined
	) {
		throw new ApiError(
			400,
			errorEntry('MANDATORY_NOT_FOUND', 'required field not found', {
				api_name: 'watch',
				json_path: '$.watch',
			}),
		);
	}
	const watch = body.watch;
	if (!Array.isArray(watch) || watch.length === 0) {
		throw new ApiError(
			400,
			errorEntry('INVALID_DATA', 'invalid data', {
				api_name: 'watch',
				json_path: '$.watch',
				expected_data_type: 'jsonarray',
			}),
		);
	}
	if (watch.length > MAX_CHANNELS_PER_CALL) {
		throw new ApiError(
			400,
			errorEntry(
				'LIMIT_EXCEEDED',
				`at most ${MAX_CHANNELS_PER_CALL} channels can be sent in one call`,
				{ api_name: 'watch', limit: MAX_CHANNELS_PER_CALL },
			),
		);
	}
	const outcomes = watch.map((item, index) => {
		try {
			return applyItem(state, method, item, index);
		} catch (error) {
			if (error instanceof ItemRejected) return error.outcome;
			throw error;
		}
	});
	const allOk = outcomes.every((outcome) => outcome.ok);
	const status = allOk ? (method === 'POST' ? 201 : 200) : state.config.itemErrorStatus;
	return { status, body: { watch: outcomes.map((outcome) => outcome.entry) } };
}

/** Zoho's samples list an `X.all` subscription as the three operations it stands for. */
function listedEvents(state: SimulatorState, channel: Channel): string[] {
	if (!state.config.expandAllEvents) return channel.events;
	const expanded = channel.events.flatMap((event) => {
		const [module, operation] = event.split('.');
		return operation === 'all'
			? [`${module}.edit`, `${module}.create`, `${module}.delete`]
			: [event];
	});
	return [...new Set(expanded)];
}

function listEntry(state: SimulatorState, channel: Channel, module: string): JsonObject {
	return {
		notify_on_related_action: channel.notifyOnRelatedAction,
		channel_expiry: state.formatDate(channel.expiresAt),
		return_affected_field_values: channel.returnAffectedFieldValues,
		resource_uri: `${state.baseUrl}/bigin/v1/${module}`,
		resource_id: resourceId(module),
		notify_url: channel.notifyUrl,
		resource_name: module,
		fields: null,
		channel_id: channel.channelId,
		events: listedEvents(state, channel).filter((event) => event.startsWith(`${module}.`)),
		token: channel.token,
	};
}

function positiveInteger(
	query: Record<string, string>,
	name: string,
	fallback: number,
	max: number,
): number {
	const raw = query[name];
	if (raw === undefined) return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1 || value > max) {
		throw new ApiError(400, errorEntry('INVALID_DATA', 'invalid data', { param_name: name }));
	}
	return value;
}

/** GET actions/watch: one entry per (channel, module); 204 with no body when nothing matches. */
export function listChannels(
	state: SimulatorState,
	query: Record<string, string>,
): { status: number; body?: JsonObject } {
	const page = positiveInteger(query, 'page', 1, 1_000_000);
	const perPage = positiveInteger(query, 'per_page', 200, 200);
	if (query.module !== undefined && !WATCHABLE_MODULES.includes(query.module)) {
		throw new ApiError(
			400,
			errorEntry('INVALID_MODULE', 'the module name given seems to be invalid', {
				param_name: 'module',
			}),
		);
	}
	const entries = state
		.liveChannels()
		.filter((channel) => query.channel_id === undefined || channel.channelId === query.channel_id)
		.flatMap((channel) => modulesOf(channel.events).map((module) => ({ channel, module })))
		.filter(({ module }) => query.module === undefined || module === query.module);
	const pageEntries = entries.slice((page - 1) * perPage, page * perPage);
	if (pageEntries.length === 0) return { status: 204 };
	return {
		status: 200,
		body: {
			watch: pageEntries.map(({ channel, module }) => listEntry(state, channel, module)),
			info: {
				per_page: perPage,
				count: pageEntries.length,
				page,
				more_records: entries.length > page * perPage,
			},
		},
	};
}

/** DELETE actions/watch?channel_ids=: unknown or expired ids come back as per-item NOT_SUBSCRIBED. */
export function disableChannels(
	state: SimulatorState,
	query: Record<string, string>,
): { status: number; body: JsonObject } {
	const raw = query.channel_ids;
	if (raw === undefined || raw.trim() === '') {
		throw new ApiError(
			400,
			errorEntry('MANDATORY_NOT_FOUND', 'required param not found', { param_name: 'channel_ids' }),
		);
	}
	const entries: JsonObject[] = [];
	let failed = false;
	for (const channelId of raw
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean)) {
		const channel = state.liveChannel(channelId);
		if (!channel) {
			failed = true;
			entries.push(
				errorEntry('NOT_SUBSCRIBED', 'the given channel is not subscribed', { resource_id: null }),
			);
			continue;
		}
		state.channels.delete(channelId);
		for (const module of modulesOf(channel.events)) {
			entries.push({
				code: 'SUCCESS',
				details: {
					resource_uri: `${state.baseUrl}/bigin/v1/${module}`,
					resource_id: resourceId(module),
					channel_id: channelId,
				},
				message: 'Successfully un-subscribed from actions-watch',
				status: 'success',
			});
		}
	}
	return { status: failed ? 202 : 200, body: { watch: entries } };
}

export function channelsWatching(
	state: SimulatorState,
	module: string,
	subscriptionOperation: string,
): Channel[] {
	return state
		.liveChannels()
		.filter(
			(channel) =>
				channel.events.includes(`${module}.${subscriptionOperation}`) ||
				channel.events.includes(`${module}.all`),
		);
}
