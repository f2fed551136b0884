import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import { searchRecords } from '../../transport/records';
import { readLimit, returnAllOrLimit } from '../shared/paging';
import { moduleParameter, simplifyParameter } from './descriptions';
import { recordItems } from './listing';
import { readModule } from './parameters';
import { readExactTextFilter, readSearchQuery, searchFilterParameters } from './searchFilter';
import { overSearchLimitParameter, readSearchResults } from './searchResults';

const properties = (table: ModuleTable): INodeProperties[] => [
	moduleParameter(table),
	...searchFilterParameters(false),
	...returnAllOrLimit,
	simplifyParameter,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [overSearchLimitParameter],
	},
];

const displayOptions = { show: { resource: ['record'], operation: ['search'] } };

export function description(table: ModuleTable): INodeProperties[] {
	return updateDisplayOptions(displayOptions, properties(table));
}

/**
 * Records that match, page by page up to the limit (at most Bigin's 2,000); none is an empty
 * result, not an error. A text Equals keeps only the records whose value is the whole text.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const module = readModule(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const query = await readSearchQuery(this, itemIndex, module);
	const records = await readSearchResults(this, itemIndex, {
		module,
		query,
		limit,
		fetchPage: async (page) => await searchRecords(this, module, { ...query, ...page }),
		keep: await readExactTextFilter(this, itemIndex, module),
	});
	return recordItems(this, itemIndex, module, records);
}
