import type { IDataObject } from 'n8n-workflow';

import { tokensMatch } from '../shared/channelIdentity';
import { CALLBACK_TO_SUBSCRIPTION } from '../shared/events';

/** The body Bigin POSTs to a channel's notify_url, once checked. */
export interface BiginNotification {
	server_time: number;
	module: string;
	/** Unique, as strings; at most MAX_IDS_PER_NOTIFICATION of them. */
	ids: string[];
	operation: string;
	channel_id: string;
	affected_fields?: unknown;
	affected_values?: unknown;
}

/**
 * Record ids one notification turns into items. Zoho documents no limit on the ids of one
 * notification; it sends one per batch a write changed, its record API writes 100 records per
 * call, and its largest documented batch by id is a mass update of 500 records. The cap covers
 * every batch Zoho documents; ids beyond it are refused (and logged), not turned into items.
 */
export const MAX_IDS_PER_NOTIFICATION = 500;

/**
 * Why a call that names a channel was refused, when that is worth telling someone. token mismatch:
 * the call names this node's channel, with another token than the Client Secret gives. stale
 * channel: the token is right for the channel it names (it was derived from this credential's
 * Client Secret), but this node neither stores nor derives that channel. no Client Secret: the
 * call names this node's channel, and the credential has no secret to check its token with.
 */
export type Refusal = 'token mismatch' | 'stale channel' | 'no Client Secret';

/** Ids beyond MAX_IDS_PER_NOTIFICATION: how many, and the first and last, for the log. */
export interface RefusedIds {
	count: number;
	first: string;
	last: string;
}

/**
 * accept: start an execution; `refusedIds`: the ids beyond the cap, left out. reject: answer 400/401,
 * start nothing; `refusal` when the call looks like Bigin's for this node (worth a warning) rather
 * than a stranger's. ignore: a genuine caller (the token matched) sent something this trigger does
 * not act on; answer 200 so that Bigin, whose reaction to other answers is undocumented, sees
 * success, and start nothing.
 */
export type Verdict =
	| { outcome: 'accept'; notification: BiginNotification; refusedIds?: RefusedIds }
	| { outcome: 'reject'; status: 400 | 401; reason: string; refusal?: Refusal }
	| { outcome: 'ignore'; status: 200; reason: string };

/** What a notification for this node has to match. */
export interface Expectation {
	/** This node's channel ids: the one activation stored, and the one this process derives. */
	channelIds: string[];
	/** The token Bigin sends for a channel id, derived from the Client Secret; undefined without one. */
	tokenOf: (channelId: string) => string | undefined;
	/** What the channel watches: read only for a call whose token matched. */
	watching: () => { events: string[]; notifyOnRelatedAction: boolean };
}

const MALFORMED = 'The body is not a Bigin notification';
const UNAUTHORISED = 'Unknown channel or wrong verification token';

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Bigin's record ids are digit strings; a number is accepted only while it is exact. */
function idOf(value: unknown): string | undefined {
	if (typeof value === 'string' && /^[\w-]{1,64}$/.test(value)) return value;
	if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
	return undefined;
}

/** The first MAX_IDS_PER_NOTIFICATION ids, each once; those beyond are only counted, never parsed. */
function idsOf(value: unknown): { ids: string[]; refused?: RefusedIds } | undefined {
	if (!Array.isArray(value) || value.length === 0) return undefined;
	const ids = value.slice(0, MAX_IDS_PER_NOTIFICATION).map(idOf);
	if (ids.some((id) => id === undefined)) return undefined;
	const unique = [...new Set(ids as string[])];
	if (value.length <= MAX_IDS_PER_NOTIFICATION) return { ids: unique };
	const refused = {
		count: value.length - MAX_IDS_PER_NOTIFICATION,
		first: String(value[MAX_IDS_PER_NOTIFICATION]).slice(0, 64),
		last: String(value[value.length - 1]).slice(0, 64),
	};
	return { ids: unique, refused };
}

function serverTimeOf(value: unknown): number | undefined {
	const time = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	return typeof time === 'number' && Number.isFinite(time) ? time : undefined;
}

/** The modules a channel's events name (`Contacts.create` → Contacts). */
function watchedModules(events: string[]): Set<string> {
	return new Set(events.map((event) => String(event).split('.')[0]));
}

/** Checks the channel id and token; a refusal says why when the call looks like Bigin's for this node. */
function authenticate(
	body: IDataObject,
	expected: Expectation,
): { status: 401; reason: string; refusal?: Refusal } | undefined {
	const channelId = String(body.channel_id ?? '');
	const own = expected.channelIds.includes(channelId);
	const token = expected.tokenOf(channelId);
	if (token === undefined)
		return { status: 401, reason: UNAUTHORISED, ...(own && { refusal: 'no Client Secret' }) };
	const tokenOk = tokensMatch(token, body.token);
	if (own && tokenOk) return undefined;
	if (own) return { status: 401, reason: UNAUTHORISED, refusal: 'token mismatch' };
	return { status: 401, reason: UNAUTHORISED, ...(tokenOk && { refusal: 'stale channel' }) };
}

/**
 * Decides what to do with a request to this node's webhook. Channel id and token are checked first,
 * so a forged body learns nothing about what else would have been expected. Any server_time is
 * accepted: Bigin may deliver late (its retries while n8n was down, a slow queue), and replay
 * protection (replayGuard.ts) stops true replays. Total: never throws, whatever the body.
 */
export function verifyNotification(body: unknown, expected: Expectation): Verdict {
	if (!isObject(body)) return { outcome: 'reject', status: 400, reason: MALFORMED };
	const refused = authenticate(body, expected);
	if (refused) return { outcome: 'reject', ...refused };

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
	const { events, notifyOnRelatedAction } = expected.watching();
	if (!notifyOnRelatedAction && !watchedModules(events).has(module)) {
		return {
			outcome: 'ignore',
			status: 200,
			reason: `Ignored: the channel does not watch ${module}`,
		};
	}

	return {
		outcome: 'accept',
		notification: {
			server_time: serverTime,
			module,
			ids: ids.ids,
			operation,
			channel_id: String(body.channel_id),
			affected_fields: body.affected_fields,
			affected_values: body.affected_values,
		},
		...(ids.refused && { refusedIds: ids.refused }),
	};
}
