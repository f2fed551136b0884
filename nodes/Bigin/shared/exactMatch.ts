import type { IDataObject } from 'n8n-workflow';

import type { BiginField } from '../transport/metadata';
import type { Condition } from './criteria';

/**
 * Types whose `equals` Bigin's search answers by words: `(Product_Name:equals:Nango Test
 * Product)` found "Nango Unlink Test Product" too (recorded). Other types match exactly.
 */
const WORD_MATCHED_TYPES = ['text', 'textarea'];

const normalised = (value: unknown) =>
	String(value ?? '')
		.trim()
		.toLowerCase();

/** Whether the record's value is the condition's value, letter case and outer spaces aside. */
function equalsExactly(record: IDataObject, condition: Condition): boolean {
	return normalised(record[condition.field]) === normalised(condition.value);
}

/**
 * The records to keep of those Bigin's search found, so that a text `equals` means the whole
 * value: with all conditions required (AND), every text `equals` must match exactly; with any
 * (OR), one must, when all the conditions are text `equals`. Undefined where nothing needs
 * filtering, or where it cannot be decided without Bigin: an OR that mixes a text `equals` with
 * other conditions keeps Bigin's word match.
 */
export function exactTextFilter(
	conditions: Condition[],
	combine: 'and' | 'or',
	fields: BiginField[],
): ((record: IDataObject) => boolean) | undefined {
	const byWords = conditions.filter(
		(condition) =>
			condition.operator === 'equals' &&
			WORD_MATCHED_TYPES.includes(
				fields.find((field) => field.api_name === condition.field)?.data_type ?? '',
			),
	);
	if (byWords.length === 0) return undefined;
	if (combine === 'and' || conditions.length === 1) {
		return (record) => byWords.every((condition) => equalsExactly(record, condition));
	}
	if (byWords.length < conditions.length) return undefined;
	return (record) => byWords.some((condition) => equalsExactly(record, condition));
}
