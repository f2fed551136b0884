import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import { findModule, modulesWithRelatedLists } from '../../shared/modules';
import { defaultFieldNames } from '../../transport/records';
import { listRelatedRecords } from '../../transport/related';
import { readLimit, returnAllOrLimit } from '../shared/paging';
import { refuseItem } from '../shared/validation';
import {
	fieldsToReturnParameter,
	moduleParameter,
	recordLocatorParameter,
	relatedListParameters,
	simplifyParameter,
} from './descriptions';
import { readRecordPages, recordItems } from './listing';
import { readFieldNames, readModule, readRecordId } from './parameters';

const properties = (table: ModuleTable): INodeProperties[] => [
	moduleParameter(table, modulesWithRelatedLists(table)),
	recordLocatorParameter('get the related records of'),
	...relatedListParameters(table),
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
				...fieldsToReturnParameter,
				typeOptions: {
					loadOptionsMethod: 'getRelatedListFields',
					loadOptionsDependsOn: ['module', 'relatedList'],
				},
				description:
					'Fields of the related records to return, at most 50. Empty returns all of them (up to 50). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

const displayOptions = { show: { resource: ['record'], operation: ['getRelated'] } };

export function description(table: ModuleTable): INodeProperties[] {
	return updateDisplayOptions(displayOptions, properties(table));
}

/** The related list the item names, checked against the module's. */
function readRelatedList(context: IExecuteFunctions, itemIndex: number, module: string): string {
	const lists = findModule(module)?.relatedLists ?? [];
	const list = String(context.getNodeParameter('relatedList', itemIndex, lists[0] ?? '')).trim();
	if (!lists.includes(list)) {
		const which = lists.length > 0 ? `Use one of: ${lists.join(', ')}` : 'It has none';
		refuseItem(context, itemIndex, `A ${module} record has no related list "${list}". ${which}`);
	}
	return list;
}

/**
 * A record's related records (a company's contacts, a contact's products), page by page up to
 * the limit. Bigin insists on the fields to return: without chosen ones, the related module's
 * fields (less those Bigin refuses in lists, up to 50).
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const module = readModule(this, itemIndex);
	const recordId = readRecordId(this, itemIndex);
	const relatedList = readRelatedList(this, itemIndex, module);
	const limit = readLimit(this, itemIndex);
	const chosen = readFieldNames(this, itemIndex, 'options.fields');
	const fields = chosen.length > 0 ? chosen : await defaultFieldNames(this, relatedList);
	const records = await readRecordPages(
		async (page) =>
			await listRelatedRecords(this, module, recordId, relatedList, {
				fields: fields.join(','),
				...page,
			}),
		limit,
	);
	return recordItems(this, itemIndex, relatedList, records);
}
