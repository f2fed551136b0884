import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { COQL_MAX_RECORDS, COQL_MAX_SELECT_FIELDS, isSelectable } from '../../shared/coql';
import type { Filter } from '../../shared/coqlFilters';
import { compileFilters } from '../../shared/coqlFilters';
import type { BiginField } from '../../transport/metadata';
import { fieldsOf } from '../../transport/metadataCache';
import { readLimit } from '../shared/paging';
import { refuseItem } from '../shared/validation';
import { readFieldNames } from './parameters';
import { readQueryRows } from './queryPaging';

/** Get Many's Filters: conditions Bigin's search cannot express, compiled to a COQL where clause. */
export const filtersParameter: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Filter',
	default: {},
	description:
		"Only the records that match, read through Bigin's Query API (needs ZohoBigin.coql.READ; at most 10,000 records): ranges of numbers and dates, empty or not, one of or none of some values",
	options: [
		{
			displayName: 'Filter',
			name: 'filter',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'field',
					type: 'options',
					typeOptions: {
						loadOptionsMethod: 'getFilterFields',
						loadOptionsDependsOn: ['module'],
					},
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{
					displayName: 'Comparator Name or ID',
					name: 'comparator',
					type: 'options',
					typeOptions: {
						loadOptionsMethod: 'getFilterComparators',
						loadOptionsDependsOn: ['&field'],
					},
					default: 'equals',
					description:
						'The comparators that fit the field\'s type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description:
						'Dates as 2026-12-31, date-times with their offset, lookups as the linked record ID, several values separated by commas; none for Is Empty and Is Not Empty',
				},
			],
		},
	],
};

/** How Get Many's Filters combine (an option of Get Many). */
export const combineFiltersOption: INodeProperties = {
	displayName: 'Combine Filters',
	name: 'combineFilters',
	type: 'options',
	options: [
		{ name: 'All Must Match (AND)', value: 'and' },
		{ name: 'Any Can Match (OR)', value: 'or' },
	],
	default: 'and',
};

export interface FilterOptions {
	sortBy?: string;
	sortOrder?: string;
	combineFilters?: string;
}

export function readFilters(context: IExecuteFunctions, itemIndex: number): Filter[] {
	const rows = context.getNodeParameter('filters.filter', itemIndex, []) as IDataObject[];
	return rows.map((row) => ({
		field: String(row.field ?? '').trim(),
		comparator: String(row.comparator ?? 'equals'),
		value: String(row.value ?? ''),
	}));
}

/**
 * The records that match the filters, through Bigin's Query API: the filters are checked against
 * the module's fields before the query is sent, and Limit may not ask past the 10,000 records a
 * query reaches.
 */
export async function readFiltered(
	context: IExecuteFunctions,
	itemIndex: number,
	module: string,
	filters: Filter[],
	options: FilterOptions,
): Promise<IDataObject[]> {
	const limit = readLimit(context, itemIndex);
	if (Number.isFinite(limit) && limit > COQL_MAX_RECORDS) {
		refuseItem(
			context,
			itemIndex,
			`Limit ${limit} with Filters: Bigin's Query API reaches at most ${COQL_MAX_RECORDS} records; lower the Limit or use Return All`,
		);
	}
	const fields: BiginField[] = await fieldsOf(context, module);
	const compiled = compileFilters(
		filters,
		fields,
		options.combineFilters === 'or' ? 'or' : 'and',
		context.getTimezone(),
	);
	if (compiled.problem !== undefined) refuseItem(context, itemIndex, compiled.problem);
	const chosen = readFieldNames(context, itemIndex, 'options.fields');
	const selected =
		chosen.length > 0
			? chosen
			: fields
					.filter(isSelectable)
					.map((field) => field.api_name)
					.slice(0, COQL_MAX_SELECT_FIELDS);
	const order = options.sortBy
		? ` order by ${options.sortBy} ${options.sortOrder === 'desc' ? 'desc' : 'asc'}`
		: '';
	const query = `select ${selected.join(', ')} from ${module} where ${compiled.where}${order}`;
	return await readQueryRows(context, query, limit);
}
