export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface SimulatorConfig {
	/** Cap every channel's expiry at this many seconds from now (0 = no cap). */
	expiryCapSeconds: number;
	/** Refuse an expiry over a day ahead with INVALID_DATA instead of silently using the default. */
	rejectLongExpiry: boolean;
	/** Expiry applied when none is given or the given one is over a day ahead, in seconds. */
	defaultExpirySeconds: number;
	/** HTTP status of a multi-item call in which some or all items failed. */
	itemErrorStatus: 202 | 400;
	/** Lifetime of issued access tokens, in seconds. */
	accessTokenTtlSeconds: number;
	/** Show a consent page on /oauth/v2/auth instead of approving at once. */
	consentPage: boolean;
	/** How update callbacks describe changed fields: per record (CRM) or as one flat list. */
	affectedFieldsShape: 'perRecord' | 'flat';
	/** Delay before answering record reads, in milliseconds (for benchmarks). */
	recordReadDelayMs: number;
	/** Offset Bigin renders dates in, in minutes east of UTC (the org's time zone). */
	orgUtcOffsetMinutes: number;

	// Readings of behaviour Bigin does not document (bigin-api.md §10): the nodes must work under each.

	/** GET actions/watch lists an `X.all` subscription as `X.create`, `X.edit`, `X.delete`, as Zoho's samples show. */
	expandAllEvents: boolean;
	/** What a POST to an existing channel_id does: replace the channel, add its events, or only move its expiry. */
	repostExisting: 'replace' | 'mergeEvents' | 'keepAllButExpiry';
	/** A single-record GET without `fields` is refused, as on Bigin's list calls. */
	singleRecordRequiresFields: boolean;
	/** Where the one-day expiry cap counts from: now, or the channel's first enable. */
	expiryCapFrom: 'now' | 'firstEnable';
	/** Record calls Bigin serves at once; more answer 429 with Retry-After (0 = no limit). */
	recordConcurrencyLimit: number;
	/** The Retry-After, in seconds, that a concurrency 429 carries. */
	concurrencyRetryAfterSeconds: number;
	/**
	 * What a write does with a field name the module does not have. Bigin does not say; Zoho CRM's
	 * record APIs are reported to ignore it (the record is saved without it), which is the default;
	 * the other reading refuses the record with INVALID_DATA naming the field.
	 */
	unknownFieldWrites: 'ignore' | 'invalidData';
	/**
	 * Whether a list or single-record read refuses the fields Bigin cannot list (CTI_Entry,
	 * Call_Status, Associated_Products, Secondary_Contacts, Participants) when `fields` names them,
	 * as integrations written against live Bigin report; `settings/fields` lists them either way.
	 */
	refuseUnlistableFields: boolean;
	/**
	 * What a DELETE answers when every id it names was deleted before (a DELETE retried after a
	 * timeout): the per-id INVALID_DATA of an unknown id, or HTTP 400 with INVALID_DATA
	 * `record not deleted` per id (the error Zoho's CRM OpenAPI gives deletes).
	 */
	deletedRecordDelete: 'invalidId' | 'recordNotDeleted';
	/** Whether the org serves the Query API (`POST coql`); without it the path is unknown (404). */
	coqlAvailable: boolean;
	/** Values one COQL `in` takes (Zoho CRM: 50, raised to 100 in its v7; Bigin does not say). */
	coqlInValuesLimit: number;
	/** Fields one COQL select list takes (0 = no limit; Zoho CRM: 50, 500 in its v7). */
	coqlSelectFieldsLimit: number;
}

export const DEFAULT_CONFIG: SimulatorConfig = {
	expiryCapSeconds: 0,
	rejectLongExpiry: false,
	defaultExpirySeconds: 3600,
	itemErrorStatus: 202,
	accessTokenTtlSeconds: 3600,
	consentPage: false,
	affectedFieldsShape: 'perRecord',
	recordReadDelayMs: 0,
	orgUtcOffsetMinutes: 180,
	expandAllEvents: true,
	repostExisting: 'replace',
	singleRecordRequiresFields: false,
	expiryCapFrom: 'now',
	recordConcurrencyLimit: 0,
	concurrencyRetryAfterSeconds: 1,
	unknownFieldWrites: 'ignore',
	refuseUnlistableFields: false,
	deletedRecordDelete: 'invalidId',
	coqlAvailable: true,
	coqlInValuesLimit: 50,
	coqlSelectFieldsLimit: 0,
};

export interface Channel {
	channelId: string;
	events: string[];
	notifyUrl: string;
	token: string | null;
	expiresAt: number;
	notifyOnRelatedAction: boolean;
	returnAffectedFieldValues: boolean;
	createdAt: number;
	/** When this channel was last enabled afresh: the start of its one-day cap under `expiryCapFrom: firstEnable`. */
	firstEnabledAt: number;
}

export interface BiginRecord {
	id: string;
	[field: string]: Json;
}

export interface RequestLogEntry {
	at: number;
	method: string;
	path: string;
	query: Record<string, string>;
	status: number;
	/** Which credential kind authenticated the call; tokens themselves are never logged. */
	auth: 'Zoho-oauthtoken' | 'Bearer' | 'none';
	/** The query of a Query API call. */
	selectQuery?: string;
}

export interface Delivery {
	at: number;
	channelId: string;
	url: string;
	payload: JsonObject;
	status: number | null;
	/** The receiver's answer, cut to 500 characters. */
	response?: string;
	error?: string;
}

export type FaultKind = 500 | 429 | 'timeout';

export interface Fault {
	method?: string;
	pathPrefix: string;
	remaining: number;
	kind: FaultKind;
	holdMs: number;
	/** Sent as a Retry-After header (seconds) with a 429 or 500 answer. */
	retryAfterSeconds?: number;
	/**
	 * The call is carried out first and only its answer fails: a write done while the client sees
	 * a 5xx or a timeout, which its retry then meets.
	 */
	afterHandling: boolean;
}

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly body: JsonObject,
	) {
		super(String(body.message ?? body.code));
	}
}

export function errorEntry(code: string, message: string, details: JsonObject = {}): JsonObject {
	return { code, details, message, status: 'error' };
}

export interface PageCursor {
	module: string;
	offset: number;
	sortBy: string;
	sortOrder: 'asc' | 'desc';
	expiresAt: number;
}
