import { fieldSpec } from './fields';
import { systemValues } from './modules';
import type { BiginRecord, JsonObject } from './types';

/**
 * A record as Bigin answers it whole (a search, a read without `fields`): every field, empty ones
 * and the layout's unused ones included, with the system values (`$` keys) around them.
 */
export function wholeRecord(module: string, record: BiginRecord): JsonObject {
	const { before, after } = systemValues(module);
	const { id, ...fields } = record;
	return { id, ...before, ...fields, ...after };
}

/**
 * A record cut down to `id` and the requested fields. As recorded, a name Bigin cannot give is
 * left out rather than answered empty: a `$` key the module lacks (`$followed`), a field the
 * layout leaves unused (`Department`), a name the module does not know.
 */
export function project(
	module: string,
	record: BiginRecord,
	fields: string[] | undefined,
): JsonObject {
	const whole = wholeRecord(module, record);
	if (!fields) return whole;
	const wanted = new Set(fields);
	return Object.fromEntries(
		Object.entries(whole).filter(
			([key]) =>
				key === 'id' ||
				(wanted.has(key) && (key.startsWith('$') || fieldSpec(module, key)?.unused !== true)),
		),
	);
}
