import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import type { BiginStatusEntry } from '../../transport/errors';
import { upsertRecords } from '../../transport/records';
import type { BatchRun, ItemOutcome } from '../operation';
import {
	fieldMapperParameter,
	moduleParameter,
	parentModuleParameters,
	placementParameters,
} from './descriptions';
import { readModule, readRecordPayload } from './parameters';
import { executeWrites, writtenRecord } from './writes';

/** Bigin says per record whether the upsert inserted or updated, and which field matched. */
interface UpsertEntry extends BiginStatusEntry {
	action?: string;
	duplicate_field?: string | null;
}

const properties = (table: ModuleTable): INodeProperties[] => [
	moduleParameter(table),
	...placementParameters(table, true),
	...parentModuleParameters(table),
	fieldMapperParameter('upsert'),
];

const displayOptions = { show: { resource: ['record'], operation: ['upsert'] } };

export function description(table: ModuleTable): INodeProperties[] {
	return updateDisplayOptions(displayOptions, properties(table));
}

function readDuplicateCheckFields(context: IExecuteFunctions, itemIndex: number): string[] {
	const fields = context.getNodeParameter('columns.matchingColumns', itemIndex, []) as string[];
	return [...new Set(fields.map(String).filter(Boolean))];
}

/**
 * Creates or updates one record per item, up to 100 per call. Bigin finds the existing record by
 * the duplicate check fields (its own defaults when none are chosen) and says which it did.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
	run: BatchRun,
): Promise<ItemOutcome[]> {
	return await executeWrites<string[]>(this, itemIndexes, run, {
		prepare: async (itemIndex) => {
			const module = readModule(this, itemIndex);
			const duplicateCheckFields = readDuplicateCheckFields(this, itemIndex);
			const payload = await readRecordPayload(this, itemIndex, module, 'upsert');
			return { module, callOptions: duplicateCheckFields, payload };
		},
		send: async (batch) =>
			await upsertRecords(this, batch.module, batch.payloads, batch.callOptions ?? []),
		output: (entry: UpsertEntry, write) => ({
			...writtenRecord(entry, write),
			...(entry.action === undefined ? {} : { action: entry.action }),
			...(entry.duplicate_field === undefined ? {} : { duplicate_field: entry.duplicate_field }),
		}),
	});
}
