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

/** What a write does: create a record, edit one, or (an upsert) either. */
export type WriteKind = 'create' | 'edit' | 'upsert';

/** Bigin's Tag: text held as a JSON array, read `[{name, id, color_code}]`, written `[{name}]`. */
export function takesTagNames(field: BiginField): boolean {
	return field.data_type === 'text' && field.json_type === 'jsonarray';
}

/**
 * Whether a write of this kind may set the field. Bigin says it in `view_type.create` and
 * `.edit`, not in the read-only flags: audit fields and Full_Name have both flags false, and
 * Owner has `field_read_only: true` (a UI flag) yet is written through the API, as recorded. Tag
 * is the recorded exception the other way: `view_type` says no, the API takes `[{name}]`. A
 * field `read_only` for everyone is never written. Without `view_type`, the flags decide, and
 * Owner stays writable.
 */
export function isWritable(field: BiginField, kind: WriteKind): boolean {
	if (field.read_only === true) return false;
	if (takesTagNames(field)) return true;
	const view = field.view_type;
	if (!view) return field.field_read_only !== true || field.api_name === 'Owner';
	if (kind === 'upsert') return view.create === true || view.edit === true;
	return view[kind] === true;
}

/**
 * Whether Bigin's search takes conditions on the field, as its metadata says (`searchable`):
 * Record_Image does not, Description (a textarea) does.
 */
export function isSearchable(field: BiginField): boolean {
	return field.searchable !== false;
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

/** An array, a JSON array in text, or a comma-separated list, as a list of entries. */
function entriesOf(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	const text = String(value).trim();
	if (text.startsWith('[')) {
		try {
			const parsed: unknown = JSON.parse(text);
			if (Array.isArray(parsed)) return parsed;
		} catch {
			// not JSON: read it as a comma-separated list below
		}
	}
	return text.split(',');
}

function listOf(value: unknown): string[] {
	return entriesOf(value)
		.map((entry) => String(entry).trim())
		.filter(Boolean);
}

/** Tag names from names, `{ name }` objects (as Bigin reads tags) or a comma-separated list. */
function tagNames(value: unknown): string[] {
	const names = entriesOf(value).map((entry) =>
		typeof entry === 'object' && entry !== null && 'name' in entry
			? String((entry as { name: unknown }).name).trim()
			: String(entry).trim(),
	);
	return [...new Set(names.filter(Boolean))];
}

/** A lookup's or an owner's value as Bigin takes it: `{ id }`, from the id or a record holding it. */
function reference(field: BiginField, value: unknown): Converted {
	const id =
		typeof value === 'object' && value !== null && 'id' in value
			? String((value as { id: unknown }).id).trim()
			: String(value).trim();
	if (!/^\d+$/.test(id)) {
		const what = field.data_type === 'lookup' ? 'the ID of the record it links to' : 'a user ID';
		return refused(field, what, value);
	}
	return { value: { id } };
}

/**
 * A value from the field mapper in the form Bigin takes for the field. `json_type` decides first
 * where it is given (Bigin's metadata has it on every field): a JSON array is a list of tag names
 * (`[{ name }]`, for Tag) or of values (multi-select), a JSON object is a reference (`{ id }`,
 * lookups and owners). Then `data_type`: numbers as numbers, dates as `yyyy-MM-dd`, date-times
 * with an offset; times without an offset are read in `zone` (the workflow's time zone).
 */
export function toBiginValue(field: BiginField, value: unknown, zone: string): Converted {
	const type = field.data_type;
	if (takesTagNames(field)) return { value: tagNames(value).map((name) => ({ name })) };
	if (field.json_type === 'jsonarray' || type === 'multiselectpicklist') {
		return { value: listOf(value) };
	}
	if (field.json_type === 'jsonobject' || LOOKUP_TYPES.includes(type)) {
		return reference(field, value);
	}
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
