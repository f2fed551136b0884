import type { IDataObject } from 'n8n-workflow';

import { findModule } from '../../shared/modules';

const ALWAYS = ['id', 'Created_Time', 'Modified_Time'];

function simplifiedFields(module: string): string[] {
	return [...ALWAYS, ...(findModule(module)?.record.commonFields ?? [])];
}

/** The record with only its id, times and the module's common fields. */
export function simplifyRecord(module: string, record: IDataObject): IDataObject {
	return Object.fromEntries(
		simplifiedFields(module)
			.filter((field) => field in record)
			.map((field) => [field, record[field]]),
	);
}
