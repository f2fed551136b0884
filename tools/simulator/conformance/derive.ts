import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Json, JsonObject } from '../types';
import type { ConformanceFacts, ExchangeFacts, IdFact, RecordingFacts, Shape } from './facts';

/** One exchange as the recordings folder holds it (see its README). */
export interface RecordedExchange {
	method: string;
	path: string;
	params?: Record<string, string>;
	request_body: Json;
	status: number;
	headers: Record<string, string>;
	response: Json;
}

/**
 * Keys whose values do not depend on the org's data: outcome codes and messages, paging and sort
 * settings, the field and module metadata flags, the watch API's echoes of what the client sent.
 * Their values stay in the facts (anything named `id` below them is still only typed).
 */
const KEPT_KEYS = new Set([
	'code',
	'status',
	'message',
	'action',
	'duplicate_field',
	'duplicate_check_fields',
	'per_page',
	'page',
	'sort_by',
	'sort_order',
	'more_records',
	'api_name',
	'module_name',
	'data_type',
	'json_type',
	'read_only',
	'field_read_only',
	'view_type',
	'system_mandatory',
	'custom_field',
	'searchable',
	'sortable',
	'filterable',
	'visible',
	'type',
	'length',
	'api_supported',
	'generated_type',
	'creatable',
	'editable',
	'deletable',
	'viewable',
	'channel_id',
	'events',
	'notify_url',
	'resource_name',
	'notify_on_related_action',
	'return_affected_field_values',
]);

/** A record id (Bigin's are 19 digits; users and modules share the format). */
const RECORD_ID = /^\d{18,19}$/;

function isObject(value: Json): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: Json): Shape {
	if (value === null) return '<null>';
	return `<${typeof value}>`;
}

/** System values (`$` keys) and the kept keys stay as recorded; everything else becomes a type. */
function isKept(key: string): boolean {
	return KEPT_KEYS.has(key) || key.startsWith('$');
}

/** A value small enough to keep whole: a scalar, a list of scalars, an object of scalars. */
function isFlat(value: Json): boolean {
	const scalar = (entry: Json) => entry === null || typeof entry !== 'object';
	if (Array.isArray(value)) return value.every(scalar);
	if (isObject(value)) return Object.values(value).every(scalar);
	return true;
}

export function shapeOf(value: Json, kept = false): Shape {
	if (Array.isArray(value)) return value.map((entry) => shapeOf(entry, kept));
	if (isObject(value)) {
		for (const key of Object.keys(value)) {
			if (String(Number(key)) === key)
				throw new Error(`an integer-like key (${key}) would lose its place in a JavaScript object`);
		}
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [
				key,
				shapeOf(entry, key !== 'id' && (kept || (isKept(key) && isFlat(entry)))),
			]),
		);
	}
	return kept && value !== null ? value : typeName(value);
}

/** Every string value in a JSON value with its path (`data[0].details.id`). */
function stringsIn(value: Json, path = ''): Array<{ at: string; value: string }> {
	if (Array.isArray(value))
		return value.flatMap((entry, index) => stringsIn(entry, `${path}[${index}]`));
	if (isObject(value))
		return Object.entries(value).flatMap(([key, entry]) =>
			stringsIn(entry, path === '' ? key : `${path}.${key}`),
		);
	return typeof value === 'string' ? [{ at: path, value }] : [];
}

/** Where an earlier exchange's answer carried this id first. */
function answeredBy(
	exchanges: RecordedExchange[],
	before: number,
	id: string,
): IdFact['answeredBy'] | undefined {
	for (let index = 0; index < before; index += 1) {
		const hit = stringsIn(exchanges[index].response).find((entry) => entry.value === id);
		if (hit) return { exchange: index, at: hit.at };
	}
	return undefined;
}

/** The path of the answer's record whose `id` is this id (`data[0]`). */
function shownAt(response: Json, id: string): string | undefined {
	const hit = stringsIn(response).find(
		(entry) => entry.value === id && /^\w+\[\d+\]\.id$/.test(entry.at),
	);
	return hit?.at.replace(/\.id$/, '');
}

function abstractPath(
	exchanges: RecordedExchange[],
	index: number,
): { path: string; ids: IdFact[]; raw: string[] } {
	const exchange = exchanges[index];
	const segments = exchange.path.split('/');
	const ids: IdFact[] = [];
	const raw: string[] = [];
	const path = segments
		.map((segment, position) => {
			if (!RECORD_ID.test(segment)) return segment;
			const module = segments[position - 1];
			const fact: IdFact = { module };
			const earlier = answeredBy(exchanges, index, segment);
			if (earlier) fact.answeredBy = earlier;
			const shown = exchange.method === 'GET' ? shownAt(exchange.response, segment) : undefined;
			if (shown !== undefined) fact.shownAt = shown;
			ids.push(fact);
			raw.push(segment);
			return `{${module}}`;
		})
		.join('/');
	return { path, ids, raw };
}

/** Record ids in a request body: the path's own, or one an earlier answer gave, or one to create. */
function requestIds(
	exchanges: RecordedExchange[],
	index: number,
	pathIds: { ids: IdFact[]; raw: string[] },
): Record<string, IdFact> | undefined {
	const found = stringsIn(exchanges[index].request_body).filter((entry) =>
		RECORD_ID.test(entry.value),
	);
	if (found.length === 0) return undefined;
	return Object.fromEntries(
		found.map(({ at, value }) => {
			const position = pathIds.raw.indexOf(value);
			if (position >= 0) return [at, pathIds.ids[position]];
			const fact: IdFact = { field: at.split('.').slice(-2, -1)[0] };
			const earlier = answeredBy(exchanges, index, value);
			if (earlier) fact.answeredBy = earlier;
			return [at, fact];
		}),
	);
}

/** Keys by which an answer's records come in descending order (`Created_Time`, `id`, …). */
function descending(response: Json): Record<string, string[]> | undefined {
	if (!isObject(response) || !Array.isArray(response.data) || response.data.length < 2)
		return undefined;
	const records = response.data.filter(isObject);
	if (records.length !== response.data.length) return undefined;
	const sortKey = (key: string, record: JsonObject): bigint | undefined => {
		const value = record[key];
		if (typeof value !== 'string') return undefined;
		return key === 'id' ? BigInt(value) : BigInt(Date.parse(value));
	};
	const keys = ['Created_Time', 'Modified_Time', 'id'].filter((key) =>
		records.every((record, position) => {
			const current = sortKey(key, record);
			if (current === undefined) return false;
			const previous = position === 0 ? undefined : sortKey(key, records[position - 1]);
			return previous === undefined || previous >= current;
		}),
	);
	return keys.length > 0 ? { data: keys } : undefined;
}

function exchangeFacts(exchanges: RecordedExchange[], index: number): ExchangeFacts {
	const exchange = exchanges[index];
	const pathIds = abstractPath(exchanges, index);
	const ids = exchange.request_body === null ? undefined : requestIds(exchanges, index, pathIds);
	const order = descending(exchange.response);
	return {
		method: exchange.method,
		path: pathIds.path,
		ids: pathIds.ids,
		...(exchange.params ? { query: { ...exchange.params } } : {}),
		...(exchange.request_body === null ? {} : { requestBody: shapeOf(exchange.request_body) }),
		...(ids ? { requestIds: ids } : {}),
		status: exchange.status,
		contentType: exchange.headers['content-type'] ?? null,
		body: exchange.response === '' ? '' : shapeOf(exchange.response),
		...(order ? { descending: order } : {}),
	};
}

export function deriveRecording(name: string, exchanges: RecordedExchange[]): RecordingFacts {
	return { name, exchanges: exchanges.map((_, index) => exchangeFacts(exchanges, index)) };
}

/** The facts of every recording in the folder, by file name. */
export function deriveFacts(folder: string): ConformanceFacts {
	const names = readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort();
	return {
		about:
			'Derived from the recorded Bigin exchanges (recorded-bigin, 9 October 2026) by `npm run recordings:derive`; do not edit by hand.',
		recordings: names.map((file) => {
			const { exchanges } = JSON.parse(readFileSync(join(folder, file), 'utf8')) as {
				exchanges: RecordedExchange[];
			};
			return deriveRecording(file.replace(/\.json$/, ''), exchanges);
		}),
	};
}
