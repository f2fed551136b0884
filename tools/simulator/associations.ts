import { MODULE_FIELDS, fieldSpec, lookupModuleOf } from './fields';
import type { SimulatorState } from './state';
import type { BiginRecord, Json, JsonObject } from './types';

// Associations between records: products linked to contacts, companies and pipeline records
// (both ways), and the activity they and lookups count as (Last_Activity_Time).

/** A record's key in the association map. */
export const key = (module: string, id: string) => `${module}:${id}`;

export function linksOf(state: SimulatorState, module: string, id: string): Set<string> {
	const existing = state.links.get(key(module, id));
	if (existing) return existing;
	const created = new Set<string>();
	state.links.set(key(module, id), created);
	return created;
}

/** Last_Activity_Time of a record: the last time it changed or had something happen around it. */
export function touch(
	state: SimulatorState,
	module: string,
	record: BiginRecord | undefined,
): void {
	if (record && fieldSpec(module, 'Last_Activity_Time'))
		record.Last_Activity_Time = state.formatDate(state.now());
}

/**
 * A record written with a lookup to another (a contact's company, a task's contact) counts as
 * activity on that other record.
 */
export function touchRelated(state: SimulatorState, module: string, record: BiginRecord): void {
	for (const field of MODULE_FIELDS[module] ?? []) {
		const value = record[field.api_name];
		const target = lookupModuleOf(field, record);
		if (field.data_type !== 'lookup' || !target || !isReference(value)) continue;
		touch(state, target, state.records.get(target)?.get(String(value.id)));
	}
}

/** A deleted record leaves every association it had. */
export function unlinkAll(state: SimulatorState, module: string, id: string): void {
	for (const other of state.links.get(key(module, id)) ?? []) {
		const [otherModule, otherId] = other.split(':');
		state.links.get(key(otherModule, otherId))?.delete(key(module, id));
	}
	state.links.delete(key(module, id));
}

function isReference(value: Json): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
