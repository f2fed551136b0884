import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import { updateRecords } from '../../transport/records';
import type { BatchRun, ItemOutcome } from '../operation';
import { refuseItem } from '../shared/validation';
import {
	fieldMapperParameter,
	moduleParameter,
	parentModuleParameters,
	placementParameters,
	recordLocatorParameter,
} from './descriptions';
import { readModule, readRecordPayload, readRecordId } from './parameters';
import { executeWrites, writtenRecord } from './writes';

const properties = (table: ModuleTable): INodeProperties[] => [
	moduleParameter(table),
	recordLocatorParameter('update'),
	...placementParameters(table, false),
	...parentModuleParameters(table),
	fieldMapperParameter('add'),
];

const displayOptions = { show: { resource: ['record'], operation: ['update'] } };

export function description(table: ModuleTable): INodeProperties[] {
	return updateDisplayOptions(displayOptions, properties(table));
}

/** Updates one record per item, up to 100 per call; fields left out keep their values. */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
	run: BatchRun,
): Promise<ItemOutcome[]> {
	return await executeWrites(this, itemIndexes, run, {
		prepare: async (itemIndex) => {
			const module = readModule(this, itemIndex);
			const id = readRecordId(this, itemIndex);
			const changes = await readRecordPayload(this, itemIndex, module, 'edit');
			if (Object.keys(changes).length === 0) {
				refuseItem(this, itemIndex, 'Nothing to update: add at least one field, or choose a stage');
			}
			return { module, payload: { ...changes, id } };
		},
		send: async (batch) => await updateRecords(this, batch.module, batch.payloads),
		output: writtenRecord,
	});
}
