import type { BiginField } from '../transport/metadata';
import { fieldLabel, isSearchable, operatorsFor } from './fieldTypes';

export interface Condition {
	field: string;
	operator: string;
	value: string;
}

/** Bigin reads `(`, `)` and `,` as syntax inside criteria; in values they are escaped. */
export function escapeCriteriaValue(value: string): string {
	return value.replace(/([(),\\])/g, '\\$1');
}

function valuePart(condition: Condition): string {
	if (condition.operator === 'in' || condition.operator === 'between') {
		return condition.value
			.split(',')
			.map((part) => escapeCriteriaValue(part.trim()))
			.join(',');
	}
	return escapeCriteriaValue(condition.value);
}

/** `((A:equals:x)and(B:starts_with:y))`, the form Bigin's search takes. */
export function buildCriteria(conditions: Condition[], combine: 'and' | 'or'): string {
	const parts = conditions.map(
		(condition) => `(${condition.field}:${condition.operator}:${valuePart(condition)})`,
	);
	return parts.length === 1 ? parts[0] : `(${parts.join(combine)})`;
}

/** Why the conditions cannot be sent, checked without Bigin; undefined when they can. */
export function conditionsProblem(conditions: Condition[]): string | undefined {
	if (conditions.length === 0) return 'No conditions: add at least one under Conditions';
	for (const [index, condition] of conditions.entries()) {
		const which = `Condition ${index + 1}`;
		if (condition.field.trim() === '') return `${which} has no field: pick the field to compare`;
		if (condition.value.trim() === '') {
			return `${which} (${condition.field}) has no value: enter the value to compare with`;
		}
		if (condition.operator === 'between' && condition.value.split(',').length !== 2) {
			return `${which} (${condition.field}) uses Between: enter two values separated by a comma`;
		}
	}
	return undefined;
}

/**
 * Why a condition cannot be searched, given the module's fields: a field the module does not
 * have or Bigin does not search, or an operator that does not fit the field's type.
 */
export function operatorFitProblem(
	conditions: Condition[],
	fields: BiginField[],
): string | undefined {
	for (const condition of conditions) {
		const field = fields.find((candidate) => candidate.api_name === condition.field);
		if (!field) {
			return `The module has no field "${condition.field}": pick a field from the list`;
		}
		if (!isSearchable(field)) {
			return `${fieldLabel(field)} (${field.api_name}) cannot be searched: Bigin's search takes no conditions on it. Pick another field`;
		}
		const allowed = operatorsFor(field.data_type);
		if (!allowed.includes(condition.operator)) {
			return `The operator "${condition.operator}" does not fit ${fieldLabel(field)} (${field.data_type} field): use ${allowed.join(', ')}`;
		}
	}
	return undefined;
}
