import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { COQL_MAX_RECORDS, COQL_MAX_SELECT_FIELDS, isSelectable } from '../../shared/coql';
import type { Filter } from '../../shared/coqlFilters';
import { compileFilters } from '../../shared/coqlFilters';
import type { ModuleTable } from '../../shared/modules';
import type { BiginField } from '../../transport/metadata';
import { fieldsOf } from '../../transport/metadataCache';
import { MAX_FIELDS_PER_READ, listRecords } from '../../transport/records';
import { readLimit, returnAllOrLimit } from '../shared/paging';
import { refuseItem } from '../shared/validation';
import { fieldsToReturnParameter, moduleParameter, simplifyParameter } from './descriptions';
import { readRecordPages, recordItems } from './listing';
import { readFieldNames, readModule } from './parameters';
import { readQueryRows } from './queryPaging';

const filtersParameter: INodeProperties = {
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

const properties = (table: ModuleTable): INodeProperties[] => [
	moduleParameter(table),
	filtersParameter,
	...returnAllOrLimit,
	simplifyParameter,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Combine Filters',
				name: 'combineFilters',
				type: 'options',
				options: [
					{ name: 'All Must Match (AND)', value: 'and' },
					{ name: 'Any Can Match (OR)', value: 'or' },
				],
				default: 'and',
			},
			fieldsToReturnParameter,
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				// Bigin sorts record lists by these fields only.
				options: [
					{ name: 'Created Time', value: 'Created_Time' },
					{ name: 'ID', value: 'id' },
					{ name: 'Modified Time', value: 'Modified_Time' },
				],
				default: 'id',
			},
			{
				displayName: 'Sort Order',
				name: 'sortOrder',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'asc',
			},
		],
	},
];

const displayOptions = { show: { resource: ['record'], operation: ['getAll'] } };

export function description(table: ModuleTable): INodeProperties[] {
	return updateDisplayOptions(displayOptions, properties(table));
}

interface ListOptions {
	sortBy?: string;
	sortOrder?: string;
	combineFilters?: string;
}

/** The fields a listing asks for when the user chose none: the module's, up to Bigin's 50. */
async function defaultFieldNames(context: IExecuteFunctions, module: string): Promise<string[]> {
	const fields = await fieldsOf(context, module);
	return fields.map((field) => field.api_name).slice(0, MAX_FIELDS_PER_READ);
}

function readFilters(context: IExecuteFunctions, itemIndex: number): Filter[] {
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
async function readFiltered(
	context: IExecuteFunctions,
	itemIndex: number,
	module: string,
	filters: Filter[],
	options: ListOptions,
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

/**
 * Records of a module page by page (page_token past 2,000 records) up to the limit; with Filters,
 * the records that match them, through Bigin's Query API.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const module = readModule(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as ListOptions;
	const filters = readFilters(this, itemIndex);
	if (filters.length > 0) {
		const rows = await readFiltered(this, itemIndex, module, filters, options);
		return recordItems(this, itemIndex, module, rows);
	}
	const limit = readLimit(this, itemIndex);
	const chosen = readFieldNames(this, itemIndex, 'options.fields');
	const { sortBy, sortOrder } = options;
	// Bigin's listing returns only the fields asked for, and insists on at least one.
	const fields = chosen.length > 0 ? chosen : await defaultFieldNames(this, module);
	const query = {
		fields: fields.join(','),
		...(sortBy ? { sort_by: sortBy, sort_order: sortOrder ?? 'asc' } : {}),
	};
	const records = await readRecordPages(
		async (page) => await listRecords(this, module, { ...query, ...page }),
		limit,
	);
	return recordItems(this, itemIndex, module, records);
}
