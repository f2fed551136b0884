import type { Shape } from '../../../tools/simulator/conformance/facts';
import { TYPE_NAMES } from '../../../tools/simulator/conformance/facts';
import type { Json, JsonObject } from '../../../tools/simulator/types';

/** One way an answer differs from the recorded one, at a JSON path (`data[0].Owner`). */
export interface Difference {
	path: string;
	what: string;
}

const isTypeName = (value: Shape): value is (typeof TYPE_NAMES)[number] =>
	typeof value === 'string' && (TYPE_NAMES as readonly string[]).includes(value);

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonType(value: unknown): string {
	if (value === null) return '<null>';
	if (Array.isArray(value)) return 'array';
	return typeof value === 'object' ? 'object' : `<${typeof value}>`;
}

function at(path: string, key: string | number): string {
	if (typeof key === 'number') return `${path}[${key}]`;
	return path === '' ? key : `${path}.${key}`;
}

/** Entries named by `api_name` (fields, modules): matched by name, in the recorded order. */
function namedEntries(entries: Shape[]): string[] | undefined {
	const names = entries.map((entry) =>
		isObject(entry) && typeof entry.api_name === 'string' && !isTypeName(entry.api_name)
			? entry.api_name
			: undefined,
	);
	return entries.length > 0 && names.every((name) => name !== undefined)
		? (names as string[])
		: undefined;
}

function compareArray(expected: Shape[], actual: Json[], path: string, out: Difference[]): void {
	const names = namedEntries(expected);
	if (names) {
		const actualNames = actual.map((entry) => (isObject(entry) ? String(entry.api_name) : ''));
		names.forEach((name, index) => {
			const position = actualNames.indexOf(name);
			if (position < 0) out.push({ path: at(path, index), what: `no entry named ${name}` });
			else compareShape(expected[index], actual[position], at(path, position), out);
		});
		const extra = actualNames.filter((name) => !names.includes(name));
		if (extra.length > 0)
			out.push({ path, what: `entries the recording lacks: ${extra.join(', ')}` });
		const common = actualNames.filter((name) => names.includes(name));
		const recordedOrder = names.filter((name) => actualNames.includes(name));
		if (common.join() !== recordedOrder.join()) out.push({ path, what: 'entry order' });
		return;
	}
	const literals = expected.every(
		(entry) => !isObject(entry) && !Array.isArray(entry) && !isTypeName(entry),
	);
	if (literals) {
		if (JSON.stringify(expected) !== JSON.stringify(actual))
			out.push({
				path,
				what: `${JSON.stringify(actual)} where recorded ${JSON.stringify(expected)}`,
			});
		return;
	}
	// How many records or tags an answer holds is data; each one present must have the shape.
	if (expected.length > 0 && actual.length === 0) out.push({ path, what: 'no entries' });
	for (let index = 0; index < Math.min(expected.length, actual.length); index += 1)
		compareShape(expected[index], actual[index], at(path, index), out);
}

/**
 * Compares an answer with a recorded shape: the same keys at every level, in the same order, each
 * value of the recorded JSON type, and the recorded value where the facts keep one.
 */
export function compareShape(
	expected: Shape,
	actual: Json | undefined,
	path: string,
	out: Difference[],
): void {
	if (actual === undefined) {
		out.push({ path, what: 'missing' });
		return;
	}
	if (isTypeName(expected)) {
		if (jsonType(actual) !== expected)
			out.push({ path, what: `${jsonType(actual)} where recorded ${expected}` });
		return;
	}
	if (Array.isArray(expected)) {
		if (!Array.isArray(actual))
			out.push({ path, what: `${jsonType(actual)} where recorded an array` });
		else compareArray(expected, actual, path, out);
		return;
	}
	if (isObject(expected)) {
		if (!isObject(actual)) {
			out.push({ path, what: `${jsonType(actual)} where recorded an object` });
			return;
		}
		const expectedKeys = Object.keys(expected);
		const actualKeys = Object.keys(actual);
		const missing = expectedKeys.filter((key) => !(key in actual));
		const extra = actualKeys.filter((key) => !(key in expected));
		if (missing.length > 0) out.push({ path, what: `missing keys: ${missing.join(', ')}` });
		if (extra.length > 0) out.push({ path, what: `extra keys: ${extra.join(', ')}` });
		const common = actualKeys.filter((key) => key in expected);
		if (common.join() !== expectedKeys.filter((key) => key in actual).join())
			out.push({ path, what: `key order ${common.join(', ')}` });
		for (const key of expectedKeys)
			if (key in actual) compareShape(expected[key], actual[key], at(path, key), out);
		return;
	}
	if (JSON.stringify(expected) !== JSON.stringify(actual))
		out.push({
			path,
			what: `${JSON.stringify(actual)} where recorded ${JSON.stringify(expected)}`,
		});
}

/** Where the JSON path `data[0].details.id` leads in a value. */
export function valueAt(value: Json | undefined, path: string): Json | undefined {
	let current = value;
	for (const part of path.match(/[^.[\]]+/g) ?? []) {
		if (current === undefined || current === null || typeof current !== 'object') return undefined;
		current = Array.isArray(current) ? current[Number(part)] : current[part];
	}
	return current;
}

/**
 * The records of an answer's array come in descending order of each key (Created_Time,
 * Modified_Time as times, id as a number) wherever every record carries that key.
 */
export function checkDescending(
	body: Json | undefined,
	orders: Record<string, string[]>,
	out: Difference[],
): void {
	for (const [path, keys] of Object.entries(orders)) {
		const records = valueAt(body, path);
		if (!Array.isArray(records)) continue;
		for (const key of keys) {
			const values = records.map((record) => (isObject(record) ? record[key] : undefined));
			if (values.some((value) => typeof value !== 'string')) continue;
			const sortable = values.map((value) =>
				key === 'id' ? BigInt(String(value)) : BigInt(Date.parse(String(value))),
			);
			if (sortable.some((value, index) => index > 0 && sortable[index - 1] < value))
				out.push({ path, what: `not in descending ${key} order` });
		}
	}
}
