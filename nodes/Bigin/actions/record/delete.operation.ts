import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import { deleteRecords } from '../../transport/records';
import type { BatchRun, ItemOutcome } from '../operation';
import { moduleParameter, recordLocatorParameter } from './descriptions';
import { readModule, readRecordId } from './parameters';
import { executeWrites } from './writes';

const properties = (table: ModuleTable): INodeProperties[] => [
	moduleParameter(table),
	recordLocatorParameter('delete'),
];

const displayOptions = { show: { resource: ['record'], operation: ['delete'] } };

export function description(table: ModuleTable): INodeProperties[] {
	return updateDisplayOptions(displayOptions, properties(table));
}

/** Deletes one record per item, up to 100 per call; an id given twice is sent once. */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
	run: BatchRun,
): Promise<ItemOutcome[]> {
	return await executeWrites(this, itemIndexes, run, {
		prepare: async (itemIndex) => {
			const module = readModule(this, itemIndex);
			return { module, payload: { id: readRecordId(this, itemIndex) } };
		},
		send: async (batch) => {
			const ids = [...new Set(batch.payloads.map((payload) => String(payload.id)))];
			const result = await deleteRecords(this, batch.module, ids);
			return {
				...result,
				entries: batch.writes.map((write) => result.entries[ids.indexOf(String(write.payload.id))]),
			};
		},
		output: (entry, write) => ({ id: write.payload.id, ...(entry.details ?? {}), deleted: true }),
	});
}
