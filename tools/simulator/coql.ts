import type { Caller } from './auth';
import { requireCoqlScope, requireRecordScope } from './auth';
import type { CoqlQuery, CoqlValue, Condition, FieldRef, Predicate } from './coqlParser';
import { parseCoql } from './coqlParser';
import { fieldSpec } from './fields';
import { isObject, moduleRecords } from './records';
import type { Routed } from './route';
import type { SimulatorState } from './state';
import type { BiginRecord, Json, JsonObject } from './types';
import { ApiError, errorEntry } from './types';

/** Rows one query returns at most, and the furthest LIMIT and OFFSET reach (Bigin's COQL overview). */
export const COQL_MAX_ROWS = 200;
export const COQL_MAX_REACHABLE = 10_000;
/** Criteria one query may hold (Zoho CRM's COQL limits; Bigin's pages state none). */
export const COQL_MAX_CRITERIA = 25;

/** The modules Bigin's "Get records using COQL query" lists in its scopes. */
const QUERYABLE_MODULES = [
	'Contacts',
	'Accounts',
	'Pipelines',
	'Products',
	'Tasks',
	'Events',
	'Calls',
];

/** Field types Zoho CRM's COQL cannot select or filter on. */
const NOT_QUERYABLE_TYPES = [
	'profileimage',
	'fileupload',
	'imageupload',
	'multiselectlookup',
	'subform',
];
/** Zoho CRM's COQL: multi-line fields cannot be used in criteria. */
const NOT_IN_CRITERIA_TYPES = ['textarea', ...NOT_QUERYABLE_TYPES];

type Family = 'compare' | 'order' | 'between' | 'in' | 'like' | 'null';

const NUMBER_TYPES = ['integer', 'bigint', 'double', 'currency', 'decimal', 'percent'];
const LOOKUP_TYPES = ['lookup', 'ownerlookup', 'id'];

/** Which comparators a field type takes in criteria (Zoho CRM's COQL table of field types). */
function familiesFor(type: string): Family[] {
	if (NUMBER_TYPES.includes(type) || type === 'date' || type === 'datetime')
		return ['compare', 'order', 'between', 'in', 'null'];
	if (type === 'boolean') return ['compare'];
	if (LOOKUP_TYPES.includes(type)) return ['compare', 'in', 'null'];
	return ['compare', 'in', 'like', 'null'];
}

function invalidQuery(details: JsonObject): ApiError {
	return new ApiError(400, errorEntry('INVALID_QUERY', 'Invalid query formed', details));
}

function limitExceeded(message: string, details: JsonObject): ApiError {
	return new ApiError(400, errorEntry('LIMIT_EXCEEDED', message, details));
}

/** The field's type, `id` included; unknown names are refused as Zoho does. */
function typeOf(module: string, ref: FieldRef): string {
	if (ref.name === 'id') return 'id';
	const spec = fieldSpec(module, ref.name);
	if (!spec || NOT_QUERYABLE_TYPES.includes(spec.data_type))
		throw invalidQuery({ column_name: ref.name, reason: 'column given seems to be invalid' });
	return spec.data_type;
}

type Comparable = string | number | boolean;

/** A literal read as the field's type; a value that cannot be one is refused. */
function typed(ref: FieldRef, type: string, literal: CoqlValue): Comparable {
	const raw = literal.kind === 'boolean' ? String(literal.value) : literal.text;
	const refuse = () =>
		invalidQuery({ column_name: ref.name, value: raw, reason: 'invalid value for the field' });
	if (NUMBER_TYPES.includes(type)) {
		const number = Number(raw);
		if (raw.trim() === '' || !Number.isFinite(number)) throw refuse();
		return number;
	}
	if (type === 'boolean') {
		if (!['true', 'false'].includes(raw.toLowerCase())) throw refuse();
		return raw.toLowerCase() === 'true';
	}
	if (type === 'date') {
		if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) throw refuse();
		return raw;
	}
	if (type === 'datetime') {
		const at = Date.parse(raw);
		if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(at)) throw refuse();
		return at;
	}
	if (LOOKUP_TYPES.includes(type)) {
		if (!/^\d+$/.test(raw)) throw refuse();
		return raw;
	}
	return raw.toLowerCase();
}

/** What a record holds in the field, as values to compare: none when empty. */
function stored(record: BiginRecord, ref: FieldRef, type: string): Comparable[] {
	const value = record[ref.name];
	const one = (entry: Json): Comparable | undefined => {
		if (entry === null || entry === undefined || entry === '') return undefined;
		if (isObject(entry)) return entry.id === undefined ? undefined : String(entry.id);
		if (NUMBER_TYPES.includes(type)) return Number(entry);
		if (type === 'datetime') return Date.parse(String(entry));
		if (typeof entry === 'boolean') return entry;
		if (type === 'date' || type === 'id') return String(entry);
		return String(entry).toLowerCase();
	};
	const entries = Array.isArray(value) ? value : [value ?? null];
	return entries.map(one).filter((entry): entry is Comparable => entry !== undefined);
}

type Matcher = (record: BiginRecord) => boolean;

function likePattern(text: string): RegExp {
	const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*');
	return new RegExp(`^${escaped}$`, 'i');
}

function familyOf(condition: Predicate): Family {
	if (condition.kind !== 'compare') return condition.kind;
	return ['=', '!='].includes(condition.comparator) ? 'compare' : 'order';
}

interface CheckLimits {
	inValues: number;
	criteria: { count: number };
}

/** A matcher for the criteria, checked against the module's fields and the reading's limits. */
function matcherFor(module: string, condition: Condition, limits: CheckLimits): Matcher {
	if (condition.kind === 'junction') {
		const left = matcherFor(module, condition.left, limits);
		const right = matcherFor(module, condition.right, limits);
		return condition.joiner === 'and'
			? (record) => left(record) && right(record)
			: (record) => left(record) || right(record);
	}
	limits.criteria.count += 1;
	if (limits.criteria.count > COQL_MAX_CRITERIA)
		throw limitExceeded(`at most ${COQL_MAX_CRITERIA} criteria are allowed`, {
			clause: 'where',
			limit: COQL_MAX_CRITERIA,
		});
	const ref = condition.field;
	const type = typeOf(module, ref);
	if (NOT_IN_CRITERIA_TYPES.includes(type))
		throw invalidQuery({ column_name: ref.name, reason: 'field not supported in criteria' });
	const family = familyOf(condition);
	if (!familiesFor(type).includes(family))
		throw invalidQuery({
			column_name: ref.name,
			reason: 'comparator not supported for the field',
		});
	const values = (record: BiginRecord) => stored(record, ref, type);
	const negate = (matcher: Matcher, negated: boolean): Matcher =>
		negated ? (record) => !matcher(record) : matcher;
	switch (condition.kind) {
		case 'null':
			return negate((record) => values(record).length === 0, condition.negated);
		case 'in': {
			if (condition.values.length > limits.inValues)
				throw limitExceeded(`at most ${limits.inValues} values are allowed in an in clause`, {
					column_name: ref.name,
					limit: limits.inValues,
				});
			const wanted = condition.values.map((entry) => typed(ref, type, entry));
			return negate(
				(record) => values(record).some((entry) => wanted.includes(entry)),
				condition.negated,
			);
		}
		case 'like': {
			const pattern = likePattern(
				condition.pattern.kind === 'boolean'
					? String(condition.pattern.value)
					: condition.pattern.text,
			);
			return negate(
				(record) => values(record).some((entry) => pattern.test(String(entry))),
				condition.negated,
			);
		}
		case 'between': {
			const low = typed(ref, type, condition.low);
			const high = typed(ref, type, condition.high);
			return negate(
				(record) => values(record).some((entry) => entry >= low && entry <= high),
				condition.negated,
			);
		}
		default: {
			const wanted = typed(ref, type, condition.value);
			const test: Record<string, (entry: Comparable) => boolean> = {
				'=': (entry) => entry === wanted,
				'<': (entry) => entry < wanted,
				'>': (entry) => entry > wanted,
				'<=': (entry) => entry <= wanted,
				'>=': (entry) => entry >= wanted,
			};
			if (condition.comparator === '!=')
				return (record) => !values(record).some((entry) => entry === wanted);
			const check = test[condition.comparator];
			return (record) => values(record).some(check);
		}
	}
}

function compareIds(a: string, b: string): number {
	return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function sortRecords(module: string, records: BiginRecord[], query: CoqlQuery): BiginRecord[] {
	const keys = query.orderBy.map(({ field, direction }) => ({
		field,
		type: typeOf(module, field),
		direction: direction === 'asc' ? 1 : -1,
	}));
	return [...records].sort((a, b) => {
		for (const key of keys) {
			const [left] = stored(a, key.field, key.type);
			const [right] = stored(b, key.field, key.type);
			if (left === right) continue;
			if (left === undefined) return -key.direction;
			if (right === undefined) return key.direction;
			return (left < right ? -1 : 1) * key.direction;
		}
		return compareIds(a.id, b.id);
	});
}

/** A row as the query API answers it: the id, then the selected fields; lookups carry their id only (as in Zoho CRM's COQL). */
function row(record: BiginRecord, fields: FieldRef[]): JsonObject {
	const entries = fields.map(({ name }): [string, Json] => {
		const value = record[name] ?? null;
		return [name, isObject(value) && value.id !== undefined ? { id: value.id } : value];
	});
	return { id: record.id, ...Object.fromEntries(entries) };
}

/** The query a request body carries, for the request log; undefined for a body that is not one. */
export function loggedQuery(raw: string): string | undefined {
	try {
		const body = JSON.parse(raw) as Json;
		return isObject(body) && typeof body.select_query === 'string' ? body.select_query : undefined;
	} catch {
		return undefined;
	}
}

function selectQueryOf(body: Json): string {
	const query = isObject(body) ? body.select_query : undefined;
	if (typeof query !== 'string' || query.trim() === '')
		throw new ApiError(
			400,
			errorEntry('MANDATORY_NOT_FOUND', 'required field not found', {
				api_name: 'select_query',
				json_path: '$.select_query',
			}),
		);
	return query;
}

/**
 * POST /coql {select_query}: Bigin's Query API. Scopes `ZohoBigin.coql.READ` and the module's
 * READ; up to 200 rows a call and 10,000 through LIMIT and OFFSET (Bigin documents these); the
 * limits Bigin leaves unsaid come from the readings (values in one `in`, fields in the select
 * list) or from Zoho CRM's COQL (25 criteria, no multi-line fields in criteria). 204 for no rows.
 */
export function runCoqlQuery(state: SimulatorState, caller: Caller, body: Json): Routed {
	if (!state.config.coqlAvailable)
		throw new ApiError(
			404,
			errorEntry(
				'INVALID_URL_PATTERN',
				'Please check if the URL trying to access is a correct one',
				{},
			),
		);
	requireCoqlScope(caller);
	const text = selectQueryOf(body);
	const query = parseCoql(text);
	if (!QUERYABLE_MODULES.includes(query.module))
		throw invalidQuery({
			module_name: query.module,
			reason: 'the module name given seems to be invalid',
		});
	requireRecordScope(caller, 'GET', query.module);
	const selectLimit = state.config.coqlSelectFieldsLimit;
	if (selectLimit > 0 && query.fields.length > selectLimit)
		throw limitExceeded(`at most ${selectLimit} fields can be selected`, {
			clause: 'select',
			limit: selectLimit,
		});
	const seen = new Set<string>();
	for (const field of query.fields) {
		typeOf(query.module, field);
		if (seen.has(field.name))
			throw new ApiError(
				400,
				errorEntry('DUPLICATE_DATA', 'duplicate column found in the select list', {
					column_name: field.name,
				}),
			);
		seen.add(field.name);
	}
	const limit = query.limit ?? COQL_MAX_ROWS;
	const offset = query.offset ?? 0;
	if (limit > COQL_MAX_ROWS || limit < 1)
		throw limitExceeded(`limit must be between 1 and ${COQL_MAX_ROWS}`, {
			clause: 'limit',
			limit: COQL_MAX_ROWS,
		});
	if (offset + limit > COQL_MAX_REACHABLE)
		throw limitExceeded(`offset and limit reach at most the ${COQL_MAX_REACHABLE}th record`, {
			clause: 'offset',
			limit: COQL_MAX_REACHABLE,
		});
	const matches = query.where
		? matcherFor(query.module, query.where, {
				inValues: state.config.coqlInValuesLimit,
				criteria: { count: 0 },
			})
		: () => true;
	const found = sortRecords(
		query.module,
		[...moduleRecords(state, query.module).values()].filter(matches),
		query,
	);
	const page = found.slice(offset, offset + limit);
	if (page.length === 0) return { status: 204 };
	return {
		status: 200,
		body: {
			data: page.map((record) => row(record, query.fields)),
			info: { count: page.length, more_records: found.length > offset + limit },
		},
	};
}
