import { randomBytes } from 'node:crypto';

import { moduleRecords, requestedFields } from './records';
import { project } from './recordView';
import { recordFilter } from './search';
import type { SimulatorState } from './state';
import type { BiginRecord, Json, JsonObject, PageCursor } from './types';
import { ApiError, errorEntry } from './types';

/** Records reachable with `page`; past them only `page_token` goes on (Zoho CRM v3+, Kaizen #60). */
export const PAGE_LIMIT = 2000;
/** Records `page_token` reaches at most. */
export const PAGE_TOKEN_LIMIT = 100_000;
/** Search answers at most this many records, whatever the paging (Zoho CRM search API). */
export const SEARCH_LIMIT = 2000;
const PAGE_TOKEN_TTL_MS = 24 * 3600 * 1000;
/** Zoho sorts lists only by these (Zoho CRM v3+ get-records, Kaizen #60). */
const SORTABLE = ['id', 'Created_Time', 'Modified_Time'];

type Answer = { status: number; body?: JsonObject };

function invalidParam(param: string, message = 'invalid data'): ApiError {
	return new ApiError(400, errorEntry('INVALID_DATA', message, { param }));
}

function positiveInteger(value: string | undefined, fallback: number, param: string): number {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < 1) throw invalidParam(param);
	return number;
}

function perPageOf(query: Record<string, string>): number {
	const perPage = positiveInteger(query.per_page, 200, 'per_page');
	if (perPage > 200) throw invalidParam('per_page');
	return perPage;
}

function compare(a: Json | undefined, b: Json | undefined): number {
	if (a === b) return 0;
	if (a === undefined || a === null) return -1;
	if (b === undefined || b === null) return 1;
	return String(a) < String(b) ? -1 : 1;
}

/** Record ids are 19 digits: they compare as numbers only as BigInts. */
function compareIds(a: string, b: string): number {
	return BigInt(a) === BigInt(b) ? 0 : BigInt(a) < BigInt(b) ? -1 : 1;
}

function sorted(records: BiginRecord[], sortBy: string, order: 'asc' | 'desc'): BiginRecord[] {
	const direction = order === 'asc' ? 1 : -1;
	return [...records].sort(
		(a, b) =>
			direction *
			(sortBy === 'id'
				? compareIds(a.id, b.id)
				: compare(a[sortBy], b[sortBy]) || compareIds(a.id, b.id)),
	);
}

function sortOf(query: Record<string, string>): { sortBy: string; sortOrder: 'asc' | 'desc' } {
	if (query.sort_by !== undefined && !SORTABLE.includes(query.sort_by))
		throw invalidParam('sort_by', `records can be sorted by ${SORTABLE.join(', ')} only`);
	if (query.sort_order !== undefined && !['asc', 'desc'].includes(query.sort_order))
		throw invalidParam('sort_order');
	// Without sort_by, Bigin sorts by id, newest first, and says so in `info` (recorded).
	return {
		sortBy: query.sort_by ?? 'id',
		sortOrder: query.sort_order === 'asc' ? 'asc' : 'desc',
	};
}

function issueToken(
	state: SimulatorState,
	cursor: Omit<PageCursor, 'expiresAt'>,
): PageCursor & { token: string } {
	const token = randomBytes(24).toString('hex');
	const stored = { ...cursor, expiresAt: state.now() + PAGE_TOKEN_TTL_MS };
	state.pageTokens.set(token, stored);
	return { ...stored, token };
}

/**
 * GET /{Module}: `fields` required (≤ 50), `per_page` ≤ 200, `page` up to the 2,000th record,
 * then `page_token` from `info.next_page_token` (never together with `page`); sort by id,
 * Created_Time or Modified_Time.
 */
export function listRecords(
	state: SimulatorState,
	module: string,
	query: Record<string, string>,
): Answer {
	const records = moduleRecords(state, module);
	const fields = requestedFields(query, true, { state, module });
	const perPage = perPageOf(query);
	let cursor: Omit<PageCursor, 'expiresAt'>;
	let page: number | undefined;
	if (query.page_token !== undefined) {
		if (query.page !== undefined)
			throw invalidParam('page', 'page and page_token cannot be used together');
		const stored = state.pageTokens.get(query.page_token);
		if (!stored || stored.module !== module || stored.expiresAt <= state.now())
			throw invalidParam('page_token', 'the page token is invalid or has expired');
		cursor = stored;
	} else {
		page = positiveInteger(query.page, 1, 'page');
		const offset = (page - 1) * perPage;
		if (offset >= PAGE_LIMIT) {
			throw new ApiError(
				400,
				errorEntry(
					'LIMIT_REACHED',
					`page reaches past the first ${PAGE_LIMIT} records: use page_token from info.next_page_token`,
					{ param: 'page', limit: PAGE_LIMIT },
				),
			);
		}
		cursor = { module, offset, ...sortOf(query) };
	}
	const all = sorted([...records.values()], cursor.sortBy, cursor.sortOrder).slice(
		0,
		PAGE_TOKEN_LIMIT,
	);
	const end = Math.min(cursor.offset + perPage, page === undefined ? all.length : PAGE_LIMIT);
	const slice = all.slice(cursor.offset, end);
	if (slice.length === 0) return { status: 204 };
	const moreRecords = all.length > end;
	const info: JsonObject = {
		per_page: perPage,
		count: slice.length,
		sort_by: cursor.sortBy,
		page: page ?? null,
		sort_order: cursor.sortOrder,
		more_records: moreRecords,
		next_page_token: null,
		previous_page_token: null,
		page_token_expiry: null,
	};
	if (moreRecords) {
		const next = issueToken(state, { ...cursor, offset: end });
		info.next_page_token = next.token;
		info.page_token_expiry = state.formatDate(next.expiresAt);
	}
	return {
		status: 200,
		body: { data: slice.map((record) => project(module, record, fields)), info },
	};
}

/**
 * GET /{Module}/search with `criteria`, `email`, `phone` or `word`: pages like a list (without
 * page_token; at most 2,000 records in all), 204 when nothing matches. As recorded, matches come
 * whole (every field, empty ones and `$` keys included) unless `fields` narrows them, the most
 * recently modified first, while `info` says `sort_by: id`, `sort_order: desc`.
 */
export function searchRecords(
	state: SimulatorState,
	module: string,
	query: Record<string, string>,
): Answer {
	const records = moduleRecords(state, module);
	const matches = recordFilter(module, query);
	const fields = requestedFields(query, false);
	const perPage = perPageOf(query);
	const page = positiveInteger(query.page, 1, 'page');
	const found = [...records.values()]
		.filter(matches)
		.sort(
			(a, b) => compare(b.Modified_Time, a.Modified_Time) || compareIds(String(b.id), String(a.id)),
		)
		.slice(0, SEARCH_LIMIT);
	const slice = found.slice((page - 1) * perPage, page * perPage);
	if (slice.length === 0) return { status: 204 };
	return {
		status: 200,
		body: {
			data: slice.map((record) => project(module, record, fields)),
			info: {
				per_page: perPage,
				count: slice.length,
				sort_by: 'id',
				page,
				sort_order: 'desc',
				more_records: found.length > page * perPage,
			},
		},
	};
}

/**
 * GET /{Module}/actions/count, optionally with the search parameters. Zoho CRM documents it
 * (v3+ "Get Record Count"); Bigin's readable docs do not, but Dative's Bigin node calls
 * `/bigin/v2/{Module}/actions/count` for its Count operation, so the route exists here.
 */
export function countRecords(
	state: SimulatorState,
	module: string,
	query: Record<string, string>,
): Answer {
	const records = [...moduleRecords(state, module).values()];
	const filtered =
		query.criteria || query.email || query.phone || query.word
			? records.filter(recordFilter(module, query))
			: records;
	return { status: 200, body: { count: filtered.length } };
}
