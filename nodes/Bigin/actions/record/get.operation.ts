import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { BiginApiError, withItemIndex } from '../../transport/errors';
import { readRecord } from '../../transport/records';
import { fieldsToReturnField, moduleField, recordLocatorField, simplifyField } from './fields';
import { recordItems } from './listing';
import { defaultFieldNames } from './metadataCache';
import { readFieldNames, readModule, readRecordId } from './parameters';

const properties: INodeProperties[] = [
	moduleField,
	recordLocatorField('get'),
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [{ ...fieldsToReturnField, name: 'fields' }],
	},
];

const displayOptions = { show: { resource: ['record'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const fieldsRequired = (error: unknown) =>
	error instanceof BiginApiError && error.biginCode === 'REQUIRED_PARAM_MISSING';

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const module = readModule(this, itemIndex);
	const recordId = readRecordId(this, itemIndex);
	const fields = readFieldNames(this, itemIndex, 'options.fields');
	let record;
	try {
		record = await readRecord(this, module, recordId, fields);
	} catch (error) {
		// Where Bigin insists on `fields` for one record too, ask again with the module's fields.
		if (fields.length > 0 || !fieldsRequired(error)) {
			throw withItemIndex(this.getNode(), error, itemIndex);
		}
		record = await readRecord(this, module, recordId, await defaultFieldNames(this, module));
	}
	if (!record) {
		throw new NodeOperationError(
			this.getNode(),
			`Bigin has no ${module} record ${recordId}: it was deleted, or the ID belongs to another module`,
			{ itemIndex },
		);
	}
	return recordItems(this, itemIndex, module, [record]);
}
