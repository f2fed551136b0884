import type { FieldType, IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { BiginField } from '../transport/metadata';
import { formatBiginDate, toDateTime } from './dateTime';

const NUMBER_TYPES = ['integer', 'bigint', 'double', 'currency', 'decimal', 'percent'];
const DATE_TYPES = ['date', 'datetime'];
const LOOKUP_TYPES = ['lookup', 'ownerlookup', 'userlookup'];

/** Bigin's search operators, with the names the editor shows. */
export const OPERATOR_LABELS: Record<string, string> = {
	equals: 'Equals',
	not_equal: 'Not Equal',
	starts_with: 'Starts With',
	in: 'Is One Of (Comma-Separated)',
	greater_than: 'Greater Than',
	greater_equal: 'Greater Than or Equal',
	less_than: 'Less Than',
	less_equal: 'Less Than or Equal',
	between: 'Between (Two Comma-Separated Values)',
};

/** The search operators Bigin accepts for a field of this type. */
export function operatorsFor(dataType: string): string[] {
	if (NUMBER_TYPES.includes(dataType) || DATE_TYPES.includes(dataType)) {
		return [
			'equals',
			'not_equal',
			'greater_than',
			'greater_equal',
			'less_than',
			'less_equal',
			'between',
			'in',
		];
	}
	if (dataType === 'boolean') return ['equals', 'not_equal'];
	if (
		dataType === 'picklist' ||
		dataType === 'multiselectpicklist' ||
		LOOKUP_TYPES.includes(dataType)
	) {
		return ['equals', 'not_equal', 'in'];
	}
	return ['equals', 'not_equal', 'starts_with', 'in'];
}

export function operatorOptions(operators: string[]): INodePropertyOptions[] {
	return operators.map((operator) => ({
		name: OPERATOR_LABELS[operator] ?? operator,
		value: operator,
	}));
}

/** Bigin's data types as people name them, for the editor's lists. */
const TYPE_LABELS: Record<string, string> = {
	text: 'Text',
	textarea: 'Long text',
	email: 'Email',
	phone: 'Phone',
	website: 'URL',
	picklist: 'Pick list',
	multiselectpicklist: 'Multi-select pick list',
	date: 'Date',
	datetime: 'Date and time',
	integer: 'Whole number',
	bigint: 'Whole number',
	double: 'Decimal number',
	decimal: 'Decimal number',
	currency: 'Currency',
	percent: 'Percent',
	boolean: 'Checkbox',
	lookup: 'Lookup',
	ownerlookup: 'User (owner)',
	userlookup: 'User',
	autonumber: 'Auto-number',
	profileimage: 'Image',
	fileupload: 'File',
};

/** What the editor says about a field: its type in words (a lookup names its module) and its API name. */
export function fieldSummary(field: BiginField): string {
	const type = TYPE_LABELS[field.data_type] ?? field.data_type;
	const target = field.lookup?.module?.api_name;
	const typed = field.data_type === 'lookup' && target ? `${type} to ${target}` : type;
	return `${typed}, API name ${field.api_name}`;
}

export function fieldLabel(field: BiginField): string {
	return String(field.display_label ?? field.field_label ?? field.api_name);
}

/** Fields Bigin computes itself; a write must leave them out. */
export function isReadOnly(field: BiginField): boolean {
	return field.read_only === true || field.field_read_only === true;
}

/** The input n8n's field mapper shows for a Bigin field. */
export function mapperTypeOf(field: BiginField): FieldType {
	if (NUMBER_TYPES.includes(field.data_type)) return 'number';
	if (field.data_type === 'boolean') return 'boolean';
	if (DATE_TYPES.includes(field.data_type)) return 'dateTime';
	if (field.data_type === 'picklist') return 'options';
	if (field.data_type === 'multiselectpicklist') return 'array';
	return 'string';
}

export function picklistOptions(field: BiginField): INodePropertyOptions[] {
	return (field.pick_list_values ?? []).map((value) => ({
		name: String(value.display_value),
		value: String(value.actual_value ?? value.display_value),
	}));
}

export type Converted =
	| { value: unknown; problem?: undefined }
	| { value?: undefined; problem: string };

const refused = (field: BiginField, expected: string, value: unknown): Converted => ({
	problem: `${fieldLabel(field)} (${field.api_name}) expects ${expected}, not ${JSON.stringify(value)}`,
});

function listOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String);
	const text = String(value).trim();
	if (text.startsWith('[')) {
		try {
			const parsed: unknown = JSON.parse(text);
			if (Array.isArray(parsed)) return parsed.map(String);
		} catch {
			// not JSON: read it as a comma-separated list below
		}
	}
	return text
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}

/**
 * A value from the field mapper in the form Bigin takes for the field's type: numbers as numbers,
 * dates as `yyyy-MM-dd`, date-times with an offset, lookups as `{ id }`, multi-selects as arrays.
 * Times without an offset are read in `zone` (the workflow's time zone).
 */
export function toBiginValue(field: BiginField, value: unknown, zone: string): Converted {
	const type = field.data_type;
	if (NUMBER_TYPES.includes(type)) {
		const number = typeof value === 'number' ? value : Number(String(value).trim());
		if (String(value).trim() === '' || !Number.isFinite(number))
			return refused(field, 'a number', value);
		if ((type === 'integer' || type === 'bigint') && !Number.isInteger(number)) {
			return refused(field, 'a whole number', value);
		}
		return { value: number };
	}
	if (type === 'boolean') {
		if (typeof value === 'boolean') return { value };
		if (value === 'true' || value === 'false') return { value: value === 'true' };
		return refused(field, 'true or false', value);
	}
	if (DATE_TYPES.includes(type)) {
		const at = toDateTime(value, zone);
		if (!at.isValid) return refused(field, type === 'date' ? 'a date' : 'a date and time', value);
		return { value: type === 'date' ? at.toFormat('yyyy-MM-dd') : formatBiginDate(at) };
	}
	if (type === 'multiselectpicklist') return { value: listOf(value) };
	if (LOOKUP_TYPES.includes(type)) {
		if (typeof value === 'object' && value !== null && 'id' in value) return { value };
		const id = String(value).trim();
		if (!/^\d+$/.test(id)) return refused(field, 'the ID of the record it links to', value);
		return { value: { id } };
	}
	return { value: typeof value === 'string' ? value : String(value) };
}

/**
 * Turns mapped values into a Bigin record. Empty values are left out, so a field shown but left
 * blank keeps what Bigin has; unknown field names are sent as they are (Bigin names the problem).
 */
export function recordFromMapped(
	mapped: IDataObject,
	fields: BiginField[],
	zone: string,
): { record: IDataObject; problem?: undefined } | { record?: undefined; problem: string } {
	const byName = new Map(fields.map((field) => [field.api_name, field]));
	const record: IDataObject = {};
	for (const [name, value] of Object.entries(mapped)) {
		if (value === null || value === undefined || value === '') continue;
		const field = byName.get(name);
		if (!field) {
			record[name] = value;
			continue;
		}
		const converted = toBiginValue(field, value, zone);
		if (converted.problem !== undefined) return { problem: converted.problem };
		record[name] = converted.value as IDataObject[string];
	}
	return { record };
}
