import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import { countRecords } from '../../transport/records';
import { moduleParameter } from './descriptions';
import { readModule } from './parameters';
import { readSearchQuery, searchFilterParameters } from './searchFilter';

const properties = (table: ModuleTable): INodeProperties[] => [
	moduleParameter(table),
	...searchFilterParameters(true),
];

const displayOptions = { show: { resource: ['record'], operation: ['count'] } };

export function description(table: ModuleTable): INodeProperties[] {
	return updateDisplayOptions(displayOptions, properties(table));
}

/** How many records the module holds, or how many match the search. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const module = readModule(this, itemIndex);
	const query = await readSearchQuery(this, itemIndex, module);
	return [{ json: { module, count: await countRecords(this, module, query) } }];
}
