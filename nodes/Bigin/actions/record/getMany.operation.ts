import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import { defaultFieldNames, listRecords, searchRecords } from '../../transport/records';
import { readLimit, returnAllOrLimit } from '../shared/paging';
import { refuseItem } from '../shared/validation';
import { fieldsToReturnParameter, moduleParameter, simplifyParameter } from './descriptions';
import { readRecordPages, recordItems } from './listing';
import { ownerFilterParameter, readOwnerCriteria, withFieldsOnly } from './ownerFilter';
import { readFieldNames, readModule } from './parameters';
import type { FilterOptions } from './queryFilters';
import { combineFiltersOption, filtersParameter, readFiltered, readFilters } from './queryFilters';
import { overSearchLimitParameter, readSearchResults } from './searchResults';

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
			combineFiltersOption,
			fieldsToReturnParameter,
			overSearchLimitParameter,
			ownerFilterParameter,
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

/**
 * Records of a module page by page (page_token past 2,000 records) up to the limit; with Filters,
 * the records that match them, through Bigin's Query API; with an Owner, the owner's records
 * through Bigin's search (at most 2,000).
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const module = readModule(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject & FilterOptions;
	const filters = readFilters(this, itemIndex);
	if (filters.length > 0) {
		if (String(options.owner ?? '') !== '') {
			refuseItem(
				this,
				itemIndex,
				'Owner does not go with Filters: add the owner as a filter instead (field Owner, Equals, the user ID)',
			);
		}
		const rows = await readFiltered(this, itemIndex, module, filters, options);
		return recordItems(this, itemIndex, module, rows);
	}
	const limit = readLimit(this, itemIndex);
	const chosen = readFieldNames(this, itemIndex, 'options.fields');
	const ownerCriteria = readOwnerCriteria(this, itemIndex, options);
	if (ownerCriteria) {
		const query = { criteria: ownerCriteria };
		const records = await readSearchResults(this, itemIndex, {
			module,
			query,
			limit,
			fetchPage: async (page) => await searchRecords(this, module, { ...query, ...page }),
		});
		const picked =
			chosen.length > 0 ? records.map((record) => withFieldsOnly(record, chosen)) : records;
		return recordItems(this, itemIndex, module, picked);
	}
	const { sortBy, sortOrder } = options;
	// Bigin's listing returns only the fields asked for, and insists on at least one.
	const fields = chosen.length > 0 ? chosen : await defaultFieldNames(this, module);
	// Without sort_by Bigin lists the newest first; Sort Order alone sorts by ID.
	const query = {
		fields: fields.join(','),
		...(sortBy || sortOrder ? { sort_by: sortBy ?? 'id', sort_order: sortOrder ?? 'asc' } : {}),
	};
	const records = await readRecordPages(
		async (page) => await listRecords(this, module, { ...query, ...page }),
		limit,
	);
	return recordItems(this, itemIndex, module, records);
}
