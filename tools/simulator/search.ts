import type { DataType } from './fields';
import { MODULE_FIELDS, fieldSpec } from './fields';
import type { BiginRecord, Json } from './types';
import { ApiError, errorEntry } from './types';

type Matcher = (record: BiginRecord) => boolean;

const MAX_CRITERIA = 10;

const TEXT_OPERATORS = ['equals', 'not_equal', 'starts_with', 'in', 'not_in'];
const ORDERED_OPERATORS = [
	'equals',
	'not_equal',
	'in',
	'not_in',
	'greater_than',
	'greater_equal',
	'less_than',
	'less_equal',
	'between',
	'not_between',
];

/** Which operators Zoho's search criteria allow on a field of each type. */
function operatorsFor(type: DataType): string[] {
	switch (type) {
		case 'integer':
		case 'bigint':
		case 'double':
		case 'currency':
		case 'date':
		case 'datetime':
			return ORDERED_OPERATORS;
		case 'boolean':
			return ['equals', 'not_equal'];
		case 'lookup':
		case 'ownerlookup':
			return ['equals', 'not_equal', 'in', 'not_in'];
		default:
			return TEXT_OPERATORS;
	}
}

function invalidQuery(message: string, details: Record<string, Json> = {}): ApiError {
	return new ApiError(400, errorEntry('INVALID_QUERY', message, details));
}

/** Splits on a separator that is not escaped with a backslash, then unescapes. */
function splitUnescaped(text: string, separator: string): string[] {
	const parts: string[] = [];
	let current = '';
	for (let index = 0; index < text.length; index += 1) {
		const char = text[index];
		if (char === '\\' && index + 1 < text.length) {
			current += text[index + 1];
			index += 1;
		} else if (char === separator) {
			parts.push(current);
			current = '';
		} else current += char;
	}
	parts.push(current);
	return parts;
}

function comparable(value: Json | undefined, type: DataType): string | number | null {
	if (value === undefined || value === null) return null;
	if (typeof value === 'object' && !Array.isArray(value)) {
		return comparable(value.id ?? null, type);
	}
	if (['integer', 'bigint', 'double', 'currency'].includes(type)) return Number(value);
	if (type === 'datetime') return Date.parse(String(value));
	return String(value).toLowerCase();
}

/** One `(Field:operator:value)` condition. */
function condition(module: string, text: string): Matcher {
	const [field, operator, ...rest] = text.split(':');
	const raw = rest.join(':');
	const spec =
		fieldSpec(module, field) ??
		// Record ids are compared as text: 19 digits do not fit a JavaScript number.
		(field === 'id' ? { api_name: 'id', data_type: 'text' as const } : undefined);
	if (!spec) throw invalidQuery('invalid field in the criteria', { api_name: field });
	if (!operatorsFor(spec.data_type).includes(operator))
		throw invalidQuery('the operator is not supported for this field', {
			api_name: field,
			operator,
		});
	const values = splitUnescaped(raw, ',').map((value) =>
		spec.data_type === 'lookup' || spec.data_type === 'ownerlookup'
			? value.toLowerCase()
			: comparable(value, spec.data_type),
	);
	const [first, second] = values;
	if ((operator === 'between' || operator === 'not_between') && values.length !== 2)
		throw invalidQuery('between takes two values', { api_name: field, operator });
	const equals = wordsMatch(spec.data_type)
		? (value: string | number) => containsWords(String(value), String(first))
		: (value: string | number) => value === first;
	return (record) => {
		const stored = record[spec.api_name];
		// Tags match by name; other arrays (multi-select picklists) by value.
		const candidates: Array<string | number | null> = Array.isArray(stored)
			? stored.map((entry) =>
					comparable(
						typeof entry === 'object' && entry !== null && !Array.isArray(entry)
							? entry.name
							: entry,
						spec.data_type,
					),
				)
			: spec.data_type === 'lookup' || spec.data_type === 'ownerlookup'
				? lookupCandidates(stored)
				: [comparable(stored, spec.data_type)];
		const present = candidates.filter((value) => value !== null) as Array<string | number>;
		switch (operator) {
			case 'equals':
				return present.some(equals);
			case 'not_equal':
				return !present.some(equals);
			case 'starts_with':
				return present.some((value) => String(value).startsWith(String(first)));
			case 'in':
				return present.some((value) => values.includes(value));
			case 'not_in':
				return !present.some((value) => values.includes(value));
			case 'greater_than':
				return present.some((value) => first !== null && value > first);
			case 'greater_equal':
				return present.some((value) => first !== null && value >= first);
			case 'less_than':
				return present.some((value) => first !== null && value < first);
			case 'less_equal':
				return present.some((value) => first !== null && value <= first);
			case 'between':
				return present.some(
					(value) => first !== null && second !== null && value >= first && value <= second,
				);
			default:
				return !present.some(
					(value) => first !== null && second !== null && value >= first && value <= second,
				);
		}
	};
}

/**
 * Text fields are matched by word, as recorded: `(Product_Name:equals:Nango Test Product)` found
 * "Nango Unlink Test Product" too. A value matches when it holds every word of the criterion.
 */
function wordsMatch(type: DataType): boolean {
	return type === 'text' || type === 'textarea';
}

function containsWords(stored: string, wanted: string): boolean {
	const words = new Set(stored.split(/\s+/).filter(Boolean));
	return wanted
		.split(/\s+/)
		.filter(Boolean)
		.every((word) => words.has(word));
}

/** A lookup matches by its id or by its name. */
function lookupCandidates(stored: Json | undefined): string[] {
	if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return [];
	return [stored.id, stored.name]
		.filter((value) => value !== undefined && value !== null)
		.map((value) => String(value).toLowerCase());
}

/**
 * Parses Zoho's criteria: `(Field:op:value)` conditions joined by `and` / `or`, grouped with
 * parentheses, e.g. `((Last_Name:equals:Lopez)and(Loyalty_Points:greater_than:100))`.
 * `(`, `)` and `,` inside values are escaped with a backslash.
 */
export function parseCriteria(module: string, criteria: string): Matcher {
	let position = 0;
	let count = 0;
	const peek = () => criteria[position];

	function group(): Matcher {
		if (peek() !== '(') throw invalidQuery('invalid criteria', { position });
		position += 1;
		if (peek() === '(') {
			const inner = expression();
			if (peek() !== ')') throw invalidQuery('invalid criteria', { position });
			position += 1;
			return inner;
		}
		let text = '';
		while (position < criteria.length && peek() !== ')') {
			if (peek() === '\\') {
				text += criteria.slice(position, position + 2);
				position += 2;
			} else {
				text += peek();
				position += 1;
			}
		}
		if (peek() !== ')') throw invalidQuery('invalid criteria', { position });
		position += 1;
		count += 1;
		if (count > MAX_CRITERIA)
			throw invalidQuery(`at most ${MAX_CRITERIA} criteria are allowed`, { limit: MAX_CRITERIA });
		return condition(module, text);
	}

	function expression(): Matcher {
		let matcher = group();
		for (;;) {
			const rest = criteria.slice(position).toLowerCase();
			if (rest.startsWith('and')) {
				position += 3;
				const left = matcher;
				const right = group();
				matcher = (record) => left(record) && right(record);
			} else if (rest.startsWith('or')) {
				position += 2;
				const left = matcher;
				const right = group();
				matcher = (record) => left(record) || right(record);
			} else return matcher;
		}
	}

	const matcher = expression();
	if (position !== criteria.length) throw invalidQuery('invalid criteria', { position });
	return matcher;
}

function fieldsOfType(module: string, types: DataType[]): string[] {
	return (MODULE_FIELDS[module] ?? [])
		.filter((field) => types.includes(field.data_type))
		.map((field) => field.api_name);
}

const digits = (value: Json | undefined) => String(value ?? '').replace(/\D/g, '');

/** The filter a search (or count) asks for: exactly one of criteria, email, phone, word. */
export function recordFilter(module: string, query: Record<string, string>): Matcher {
	const given = ['criteria', 'email', 'phone', 'word'].filter((key) => query[key] !== undefined);
	if (given.length !== 1) {
		throw new ApiError(
			400,
			errorEntry('REQUIRED_PARAM_MISSING', 'one of criteria, email, phone or word is required', {
				param: given.length === 0 ? 'criteria' : given[1],
			}),
		);
	}
	if (query.criteria !== undefined) return parseCriteria(module, query.criteria);
	if (query.email !== undefined) {
		const email = query.email.toLowerCase();
		const fields = fieldsOfType(module, ['email']);
		return (record) => fields.some((field) => String(record[field] ?? '').toLowerCase() === email);
	}
	if (query.phone !== undefined) {
		const phone = digits(query.phone);
		const fields = fieldsOfType(module, ['phone']);
		return (record) =>
			phone !== '' && fields.some((field) => digits(record[field]).endsWith(phone));
	}
	const word = query.word.toLowerCase();
	const fields = fieldsOfType(module, [
		'text',
		'textarea',
		'email',
		'phone',
		'website',
		'picklist',
	]);
	return (record) =>
		fields.some((field) =>
			String(record[field] ?? '')
				.toLowerCase()
				.includes(word),
		);
}
