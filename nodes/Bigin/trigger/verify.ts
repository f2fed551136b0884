import type { IDataObject } from 'n8n-workflow';

import { tokensMatch } from '../shared/channelIdentity';
import { CALLBACK_TO_SUBSCRIPTION } from '../shared/events';
import type { ChannelSettings } from './settings';

/** The body Bigin POSTs to a channel's notify_url, once checked. */
export interface BiginNotification {
	server_time: number;
	module: string;
	/** Unique, as strings. */
	ids: string[];
	operation: string;
	channel_id: string;
	affected_fields?: unknown;
	affected_values?: unknown;
}

/**
 * accept: start an execution. reject: answer 400/401, start nothing. ignore: a genuine caller (the
 * token matched) sent something this trigger does not act on; answer 200 so that Bigin, whose
 * reaction to other answers is undocumented, sees success, and start nothing.
 */
export type Verdict =
	| { outcome: 'accept'; notification: BiginNotification }
	| { outcome: 'reject'; status: 400 | 401; reason: string }
	| { outcome: 'ignore'; status: 200; reason: string };

/**
 * How far `server_time` may lie from n8n's clock: generous for clock skew and slow delivery,
 * while a notification captured earlier cannot be replayed for long (execute() drops replays
 * inside the window).
 */
export const SERVER_TIME_WINDOW_MS = { past: 60 * 60 * 1000, future: 15 * 60 * 1000 };

const MALFORMED = 'The body is not a Bigin notification';

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Bigin's record ids are digit strings; a number is accepted only while it is exact. */
function idOf(value: unknown): string | undefined {
	if (typeof value === 'string' && /^[\w-]{1,64}$/.test(value)) return value;
	if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
	return undefined;
}

function idsOf(value: unknown): string[] | undefined {
	if (!Array.isArray(value) || value.length === 0) return undefined;
	const ids = value.map(idOf);
	if (ids.some((id) => id === undefined)) return undefined;
	return [...new Set(ids as string[])];
}

function serverTimeOf(value: unknown): number | undefined {
	const time = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	return typeof time === 'number' && Number.isFinite(time) ? time : undefined;
}

/** The modules a channel's events name (`Contacts.create` → Contacts). */
function watchedModules(events: string[]): Set<string> {
	return new Set(events.map((event) => String(event).split('.')[0]));
}

/**
 * Decides what to do with a request to the channel with these settings. Token and channel id are
 * checked first, so a forged body learns nothing about what else would have been expected. Total:
 * never throws, whatever the body.
 */
export function verifyNotification(
	body: unknown,
	settings: ChannelSettings | undefined,
	now: number = Date.now(),
): Verdict {
	if (!isObject(body)) return { outcome: 'reject', status: 400, reason: MALFORMED };
	if (!settings)
		return { outcome: 'reject', status: 401, reason: 'No channel is registered for this webhook' };
	const channel = settings.definition;
	const tokenOk = tokensMatch(channel.token, body.token);
	const channelOk = String(body.channel_id ?? '') === channel.channel_id;
	if (!tokenOk || !channelOk) {
		return {
			outcome: 'reject',
			status: 401,
			reason: 'Unknown channel or wrong verification token',
		};
	}

	const ids = idsOf(body.ids);
	const serverTime = serverTimeOf(body.server_time);
	const { module, operation } = body;
	if (
		typeof module !== 'string' ||
		module === '' ||
		typeof operation !== 'string' ||
		!ids ||
		serverTime === undefined
	) {
		return { outcome: 'reject', status: 400, reason: MALFORMED };
	}

	if (CALLBACK_TO_SUBSCRIPTION[operation] === undefined) {
		return { outcome: 'ignore', status: 200, reason: `Ignored: unknown operation "${operation}"` };
	}
	if (!channel.notify_on_related_action && !watchedModules(channel.events).has(module)) {
		return {
			outcome: 'ignore',
			status: 200,
			reason: `Ignored: the channel does not watch ${module}`,
		};
	}
	if (
		serverTime < now - SERVER_TIME_WINDOW_MS.past ||
		serverTime > now + SERVER_TIME_WINDOW_MS.future
	) {
		return { outcome: 'ignore', status: 200, reason: 'Ignored: server_time is out of range' };
	}

	return {
		outcome: 'accept',
		notification: {
			server_time: serverTime,
			module,
			ids,
			operation,
			channel_id: channel.channel_id,
			affected_fields: body.affected_fields,
			affected_values: body.affected_values,
		},
	};
}
