import type { BiginField } from '../transport/metadata';
import {
	COQL_MAX_CRITERIA,
	COQL_MAX_IN_VALUES,
	coqlText,
	isFilterable,
	joinCriteria,
} from './coql';
import { fieldLabel, toBiginValue } from './fieldTypes';

/** One filter as the editor gives it: a field's API name, a comparator, the value typed. */
export interface Filter {
	field: string;
	comparator: string;
	value: string;
}

/** The comparators a filter offers, with the names the editor shows. */
export const COMPARATOR_LABELS: Record<string, string> = {
	equals: 'Equals',
	not_equal: 'Not Equal',
	greater_than: 'Greater Than',
	greater_equal: 'Greater Than or Equal',
	less_than: 'Less Than',
	less_equal: 'Less Than or Equal',
	between: 'Between (Two Comma-Separated Values)',
	in: 'Is One Of (Comma-Separated)',
	not_in: 'Is Not One Of (Comma-Separated)',
	contains: 'Contains',
	starts_with: 'Starts With',
	ends_with: 'Ends With',
	is_empty: 'Is Empty',
	is_not_empty: 'Is Not Empty',
};

const NUMBER_TYPES = ['integer', 'bigint', 'double', 'currency', 'decimal', 'percent'];
const ORDERED = ['greater_than', 'greater_equal', 'less_than', 'less_equal', 'between'];
const EMPTINESS = ['is_empty', 'is_not_empty'];
const LISTS = ['in', 'not_in'];

/** The comparators Bigin's Query API takes on a field of this type (none where it refuses the field). */
export function comparatorsFor(field: BiginField): string[] {
	if (!isFilterable(field)) return [];
	const type = field.data_type;
	if (NUMBER_TYPES.includes(type) || type === 'date' || type === 'datetime')
		return ['equals', 'not_equal', ...ORDERED, ...LISTS, ...EMPTINESS];
	if (type === 'boolean') return ['equals', 'not_equal'];
	if (type === 'lookup' || type === 'ownerlookup' || type === 'userlookup')
		return ['equals', 'not_equal', ...LISTS, ...EMPTINESS];
	return ['equals', 'not_equal', 'contains', 'starts_with', 'ends_with', ...LISTS, ...EMPTINESS];
}

type Compiled = { criterion: string; problem?: undefined } | { problem: string };

const SYMBOLS: Record<string, string> = {
	equals: '=',
	not_equal: '!=',
	greater_than: '>',
	greater_equal: '>=',
	less_than: '<',
	less_equal: '<=',
};

/** A value as a COQL literal of the field's type: numbers and booleans bare, the rest quoted. */
function literal(field: BiginField, value: string, zone: string): Compiled {
	if (field.data_type === 'multiselectpicklist') return { criterion: coqlText(value) };
	const converted = toBiginValue(field, value, zone);
	if (converted.problem !== undefined) return { problem: converted.problem };
	const typed = converted.value;
	if (typeof typed === 'number' || typeof typed === 'boolean') return { criterion: String(typed) };
	if (typeof typed === 'object' && typed !== null && 'id' in typed)
		return { criterion: coqlText(String(typed.id)) };
	return { criterion: coqlText(String(typed)) };
}

function literals(field: BiginField, values: string[], zone: string): Compiled {
	const parts: string[] = [];
	for (const value of values) {
		const part = literal(field, value, zone);
		if (part.problem !== undefined) return part;
		parts.push(part.criterion);
	}
	return { criterion: parts.join(', ') };
}

const listOf = (value: string) =>
	value
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);

function criterionFor(field: BiginField, filter: Filter, zone: string): Compiled {
	const name = field.api_name;
	const { comparator, value } = filter;
	if (comparator === 'is_empty') return { criterion: `${name} is null` };
	if (comparator === 'is_not_empty') return { criterion: `${name} is not null` };
	if (LISTS.includes(comparator)) {
		const values = listOf(value);
		if (values.length > COQL_MAX_IN_VALUES)
			return {
				problem: `${values.length} values: Bigin's Query API takes at most ${COQL_MAX_IN_VALUES} in one list`,
			};
		const list = literals(field, values, zone);
		if (list.problem !== undefined) return list;
		return { criterion: `${name} ${comparator === 'in' ? 'in' : 'not in'} (${list.criterion})` };
	}
	if (comparator === 'between') {
		const bounds = listOf(value);
		if (bounds.length !== 2) return { problem: 'Between takes two values separated by a comma' };
		const [low, high] = bounds.map((bound) => literal(field, bound, zone));
		if (low.problem !== undefined) return low;
		if (high.problem !== undefined) return high;
		return { criterion: `${name} between ${low.criterion} and ${high.criterion}` };
	}
	const pattern = { contains: '%v%', starts_with: 'v%', ends_with: '%v' }[comparator];
	if (pattern) return { criterion: `${name} like ${coqlText(pattern.replace('v', () => value))}` };
	const single = literal(field, value, zone);
	if (single.problem !== undefined) return single;
	return { criterion: `${name} ${SYMBOLS[comparator]} ${single.criterion}` };
}

/**
 * The COQL criteria for the filters, joined with and/or two to a bracket; or why they cannot be
 * sent, checked against the module's fields without calling Bigin: a missing field or value, a
 * field Bigin's Query API cannot filter on (multi-line text, files), a comparator that does not fit
 * the field's type, a value of the wrong type, too many values or filters. Dates and date-times
 * without an offset are read in `zone`.
 */
export function compileFilters(
	filters: Filter[],
	fields: BiginField[],
	combine: 'and' | 'or',
	zone: string,
): { where: string; problem?: undefined } | { problem: string } {
	if (filters.length > COQL_MAX_CRITERIA)
		return {
			problem: `${filters.length} filters: Bigin's Query API takes at most ${COQL_MAX_CRITERIA}`,
		};
	const criteria: string[] = [];
	for (const [index, filter] of filters.entries()) {
		const which = `Filter ${index + 1}`;
		if (filter.field === '') return { problem: `${which} has no field: pick the field to compare` };
		const field = fields.find((candidate) => candidate.api_name === filter.field);
		if (!field)
			return { problem: `The module has no field "${filter.field}": pick a field from the list` };
		const described = `${fieldLabel(field)} (${field.data_type} field)`;
		const allowed = comparatorsFor(field);
		if (allowed.length === 0)
			return {
				problem: `${which}: ${described} cannot be used in a filter, because Bigin's Query API does not compare it; pick another field`,
			};
		if (!allowed.includes(filter.comparator))
			return {
				problem: `${which}: "${filter.comparator}" does not fit ${described}: use ${allowed.join(', ')}`,
			};
		if (!EMPTINESS.includes(filter.comparator) && filter.value.trim() === '')
			return {
				problem: `${which} (${field.api_name}) has no value: enter the value to compare with`,
			};
		const compiled = criterionFor(field, { ...filter, value: filter.value.trim() }, zone);
		if (compiled.problem !== undefined) return { problem: `${which}: ${compiled.problem}` };
		criteria.push(compiled.criterion);
	}
	return { where: joinCriteria(criteria, combine) };
}
