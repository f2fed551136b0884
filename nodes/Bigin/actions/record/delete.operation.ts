import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import type { BiginStatusEntry } from '../../transport/errors';
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

/**
 * What a repeated DELETE's entry means: Bigin answers a record the lost first call deleted as an
 * unknown id (INVALID_DATA), so after a repeat that counts as deleted. On a first call it stays
 * an error: the id was wrong, or the record was deleted before.
 */
function deletedBeforeRepeat(entry: BiginStatusEntry, id: string): BiginStatusEntry {
	if (entry?.status !== 'error' || entry.code !== 'INVALID_DATA') return entry;
	return { code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' };
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
			const entries = result.retried
				? result.entries.map((entry, index) => deletedBeforeRepeat(entry, ids[index]))
				: result.entries;
			return {
				...result,
				entries: batch.writes.map((write) => entries[ids.indexOf(String(write.payload.id))]),
			};
		},
		output: (entry, write) => ({ id: write.payload.id, ...(entry.details ?? {}), deleted: true }),
	});
}
