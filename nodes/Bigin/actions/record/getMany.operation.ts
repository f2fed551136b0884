import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import { defaultFieldNames, listRecords } from '../../transport/records';
import { readLimit, returnAllOrLimit } from '../shared/paging';
import { fieldsToReturnParameter, moduleParameter, simplifyParameter } from './descriptions';
import { readRecordPages, recordItems } from './listing';
import { readFieldNames, readModule } from './parameters';

const properties = (table: ModuleTable): INodeProperties[] => [
	moduleParameter(table),
	...returnAllOrLimit,
	simplifyParameter,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
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

/** Records of a module page by page (page_token past 2,000 records) up to the limit. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const module = readModule(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const chosen = readFieldNames(this, itemIndex, 'options.fields');
	const { sortBy, sortOrder } = this.getNodeParameter('options', itemIndex, {}) as {
		sortBy?: string;
		sortOrder?: string;
	};
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
