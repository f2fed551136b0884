import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { insertRecords } from '../../transport/records';
import type { ItemOutcome } from '../operation';
import { columnsField, moduleField, noteParentModuleField, placementFields } from './fields';
import { readModule, readRecordFields } from './parameters';
import { executeWrites, writtenRecord } from './writes';

const properties: INodeProperties[] = [
	moduleField,
	...placementFields(true),
	noteParentModuleField,
	columnsField('add'),
];

const displayOptions = { show: { resource: ['record'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Creates one record per item, up to 100 per call to Bigin. */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
): Promise<ItemOutcome[]> {
	return await executeWrites(this, itemIndexes, {
		prepare: async (itemIndex) => {
			const module = readModule(this, itemIndex);
			return { module, group: '', payload: await readRecordFields(this, itemIndex, module, true) };
		},
		send: async (module, payloads) => await insertRecords(this, module, payloads),
		output: writtenRecord,
	});
}
