import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import { searchRecords } from '../../transport/records';
import { readLimit, returnAllOrLimit } from '../shared/paging';
import { moduleParameter, simplifyParameter } from './descriptions';
import { readRecordPages, recordItems } from './listing';
import { readModule } from './parameters';
import { readSearchQuery, searchFilterParameters } from './searchFilter';

const properties = (table: ModuleTable): INodeProperties[] => [
	moduleParameter(table),
	...searchFilterParameters(false),
	...returnAllOrLimit,
	simplifyParameter,
];

const displayOptions = { show: { resource: ['record'], operation: ['search'] } };

export function description(table: ModuleTable): INodeProperties[] {
	return updateDisplayOptions(displayOptions, properties(table));
}

/** Records that match, page by page up to the limit; none is an empty result, not an error. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const module = readModule(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const query = await readSearchQuery(this, itemIndex, module);
	const records = await readRecordPages(
		async (page) => await searchRecords(this, module, { ...query, ...page }),
		limit,
	);
	return recordItems(this, itemIndex, module, records);
}
