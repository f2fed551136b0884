import type { IDataObject } from 'n8n-workflow';

import type { BiginField } from '../transport/metadata';

/** Rows one query answers at most (Bigin's COQL overview). */
export const COQL_MAX_ROWS = 200;

/** How far LIMIT and OFFSET reach: 200 rows at offset 9,800 (Bigin's COQL overview). */
export const COQL_MAX_RECORDS = 10_000;

/**
 * Values in one `in (…)`. Bigin does not say; Zoho CRM's COQL documents 50 (100 since its API v7),
 * so queries never send more than the lowest of them.
 */
export const COQL_MAX_IN_VALUES = 50;

/** Fields in one select list: Zoho CRM's COQL limit (50, 500 since v7); Bigin does not say. */
export const COQL_MAX_SELECT_FIELDS = 50;

/** Criteria in one query: Zoho CRM's COQL limit; Bigin does not say. */
export const COQL_MAX_CRITERIA = 25;

/** Field types Zoho CRM's COQL can neither select nor filter on. */
const NOT_SELECTABLE_TYPES = [
	'profileimage',
	'fileupload',
	'imageupload',
	'multiselectlookup',
	'subform',
];

/** Whether a query can select the field. */
export function isSelectable(field: BiginField): boolean {
	return !NOT_SELECTABLE_TYPES.includes(field.data_type);
}

/** Whether a query's criteria can use the field: Zoho CRM's COQL refuses multi-line text there. */
export function isFilterable(field: BiginField): boolean {
	return isSelectable(field) && field.data_type !== 'textarea';
}

/**
 * Whether a credential's Scope (the scopes it asked Zoho for) includes the Query API's; a Scope
 * that is not known counts as including it.
 */
export function scopeAllowsQueries(scope: unknown): boolean {
	if (typeof scope !== 'string' || scope.trim() === '') return true;
	return scope.split(/[\s,]+/).some((entry) => /^ZohoBigin\.coql\.(READ|ALL)$/i.test(entry));
}

/** Text as a COQL literal: in quotes, a quote inside doubled. */
export function coqlText(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Criteria joined two to a bracket, `((A or B) or C)`: Zoho's COQL refuses more than two criteria
 * side by side (Zoho CRM's COQL FAQ).
 */
export function joinCriteria(criteria: string[], joiner: 'and' | 'or'): string {
	return criteria.reduce((joined, criterion) => `(${joined} ${joiner} ${criterion})`);
}

/** The query without its string literals, whose text could look like keywords. */
function outsideQuotes(query: string): string {
	return query.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, "''");
}

/**
 * Why a query the user wrote cannot be sent as it is, checked without Bigin: empty, not a select,
 * or with its own LIMIT or OFFSET (the node pages with them, from Limit and Return All).
 */
export function userQueryProblem(query: string): string | undefined {
	const text = outsideQuotes(query.trim());
	if (text === '')
		return 'The query is empty: write a COQL select, e.g. select Last_Name from Contacts';
	if (!/^select\s/i.test(text))
		return 'Bigin runs only select queries: start the query with select';
	if (/\b(limit|offset)\b/i.test(text))
		return 'Leave LIMIT and OFFSET out of the query: Return All and Limit set them';
	return undefined;
}

/** The query with a page's LIMIT and OFFSET. */
export function pagedQuery(query: string, limit: number, offset: number): string {
	return `${query.trim().replace(/;$/, '')} limit ${limit} offset ${offset}`;
}

export function inGroupsOf<T>(items: T[], size: number): T[][] {
	return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
		items.slice(index * size, (index + 1) * size),
	);
}

/** One query of a read by ids: which fields it selects, for which ids. */
export interface RecordQuery {
	query: string;
	fieldGroup: number;
	ids: string[];
}

/**
 * The queries that read these records with these fields, as few as the limits allow: each selects
 * at most 50 fields and names at most 200 ids (Bigin's rows per call), in `id in (…)` lists of at
 * most 50 joined with `or`. A module with more than 50 fields is read in field groups, merged by
 * id afterwards (`mergeFieldGroups`).
 */
export function recordQueries(module: string, fieldNames: string[], ids: string[]): RecordQuery[] {
	const fieldGroups = inGroupsOf(
		fieldNames.filter((name) => name !== 'id'),
		COQL_MAX_SELECT_FIELDS,
	);
	const selects = fieldGroups.length > 0 ? fieldGroups : [['id']];
	return selects.flatMap((fields, fieldGroup) =>
		inGroupsOf(ids, COQL_MAX_ROWS).map((callIds) => {
			const lists = inGroupsOf(callIds, COQL_MAX_IN_VALUES).map(
				(group) => `id in (${group.map(coqlText).join(', ')})`,
			);
			const where = joinCriteria(lists, 'or');
			return {
				query: `select ${fields.join(', ')} from ${module} where ${where} limit ${callIds.length}`,
				fieldGroup,
				ids: callIds,
			};
		}),
	);
}

/**
 * The records every field group returned, whole: a record one group lacks (deleted between two
 * calls) counts as not found rather than coming out with some of its fields.
 */
export function mergeFieldGroups(
	fieldGroupCount: number,
	answers: Array<{ fieldGroup: number; rows: IDataObject[] }>,
): Map<string, IDataObject> {
	const parts = new Map<string, { record: IDataObject; groups: Set<number> }>();
	for (const { fieldGroup, rows } of answers) {
		for (const row of rows) {
			const id = String(row.id);
			const part = parts.get(id) ?? { record: {}, groups: new Set<number>() };
			Object.assign(part.record, row);
			part.groups.add(fieldGroup);
			parts.set(id, part);
		}
	}
	return new Map(
		[...parts]
			.filter(([, part]) => part.groups.size === fieldGroupCount)
			.map(([id, part]) => [id, part.record]),
	);
}
