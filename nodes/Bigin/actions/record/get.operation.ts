import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import { createRecordReader, getRecord } from '../../transport/records';
import {
	fieldsToReturnParameter,
	moduleParameter,
	recordLocatorParameter,
	simplifyParameter,
} from './descriptions';
import { recordItems } from './listing';
import { readFieldNames, readModule, readRecordId } from './parameters';

const properties = (table: ModuleTable): INodeProperties[] => [
	moduleParameter(table),
	recordLocatorParameter('get'),
	simplifyParameter,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [{ ...fieldsToReturnParameter, name: 'fields' }],
	},
];

const displayOptions = { show: { resource: ['record'], operation: ['get'] } };

export function description(table: ModuleTable): INodeProperties[] {
	return updateDisplayOptions(displayOptions, properties(table));
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const module = readModule(this, itemIndex);
	const recordId = readRecordId(this, itemIndex);
	const fields = readFieldNames(this, itemIndex, 'options.fields');
	// Without chosen fields the whole record comes back, custom fields included, even where Bigin
	// insists on `fields` (the reader then names the module's fields, 50 per call).
	const record =
		fields.length > 0
			? await getRecord(this, module, recordId, fields)
			: await createRecordReader(this).read(module, recordId);
	if (!record) {
		throw new NodeOperationError(
			this.getNode(),
			`Bigin has no ${module} record ${recordId}: it was deleted, or the ID belongs to another module`,
			{ itemIndex },
		);
	}
	return recordItems(this, itemIndex, module, [record]);
}
