import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import { insertRecords } from '../../transport/records';
import type { BatchRun, ItemOutcome } from '../operation';
import {
	fieldMapperParameter,
	moduleParameter,
	parentModuleParameters,
	placementParameters,
} from './descriptions';
import { readModule, readRecordPayload } from './parameters';
import { executeWrites, writtenRecord } from './writes';

const properties = (table: ModuleTable): INodeProperties[] => [
	moduleParameter(table),
	...placementParameters(table, true),
	...parentModuleParameters(table),
	fieldMapperParameter('add'),
];

const displayOptions = { show: { resource: ['record'], operation: ['create'] } };

export function description(table: ModuleTable): INodeProperties[] {
	return updateDisplayOptions(displayOptions, properties(table));
}

/** Creates one record per item, up to 100 per call to Bigin. */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
	run: BatchRun,
): Promise<ItemOutcome[]> {
	return await executeWrites(this, itemIndexes, run, {
		prepare: async (itemIndex) => {
			const module = readModule(this, itemIndex);
			return { module, payload: await readRecordPayload(this, itemIndex, module, 'create') };
		},
		send: async (batch) => await insertRecords(this, batch.module, batch.payloads),
		output: writtenRecord,
	});
}
