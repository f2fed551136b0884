import { ALL_STAGES, ALL_SUB_PIPELINES } from './pipelines';
import type { JsonObject } from './types';

export type DataType =
	| 'text'
	| 'textarea'
	| 'email'
	| 'phone'
	| 'website'
	| 'picklist'
	| 'multiselectpicklist'
	| 'date'
	| 'datetime'
	| 'integer'
	| 'bigint'
	| 'double'
	| 'currency'
	| 'boolean'
	| 'lookup'
	| 'ownerlookup';

/** One field of a module, in the few words the simulator needs; `fieldMetadata` expands it. */
export interface FieldSpec {
	api_name: string;
	data_type: DataType;
	label?: string;
	/** Bigin refuses a create without it (`system_mandatory`). */
	mandatory?: boolean;
	readOnly?: boolean;
	custom?: boolean;
	length?: number;
	picklist?: string[];
	/** The module a lookup points to. */
	lookup?: string;
}

const text = (api_name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
	api_name,
	data_type: 'text',
	...extra,
});
const owner: FieldSpec = { api_name: 'Owner', data_type: 'ownerlookup', label: 'Owner' };
const audit: FieldSpec[] = [
	{ api_name: 'Created_By', data_type: 'ownerlookup', readOnly: true },
	{ api_name: 'Modified_By', data_type: 'ownerlookup', readOnly: true },
	{ api_name: 'Created_Time', data_type: 'datetime', readOnly: true },
	{ api_name: 'Modified_Time', data_type: 'datetime', readOnly: true },
];
const description: FieldSpec = { api_name: 'Description', data_type: 'textarea', length: 32000 };
const address = (prefix: string, code: string): FieldSpec[] =>
	['Street', 'City', 'State', code, 'Country'].map((part) => text(`${prefix}_${part}`));

/**
 * Every module's fields, custom ones of the seeded org included: the one place that knows what a
 * module holds. `settings/fields`, layouts, validation of writes, the seed and the page read it.
 */
export const MODULE_FIELDS: Record<string, FieldSpec[]> = {
	Contacts: [
		owner,
		text('First_Name', { length: 40 }),
		text('Last_Name', { mandatory: true, length: 80 }),
		text('Full_Name', { readOnly: true }),
		{ api_name: 'Email', data_type: 'email', length: 100 },
		{ api_name: 'Phone', data_type: 'phone', length: 30 },
		{ api_name: 'Mobile', data_type: 'phone', length: 30 },
		text('Title', { length: 100 }),
		{ api_name: 'Account_Name', data_type: 'lookup', label: 'Company Name', lookup: 'Accounts' },
		...address('Mailing', 'Zip'),
		{ api_name: 'Email_Opt_Out', data_type: 'boolean' },
		description,
		{
			api_name: 'Customer_Tier',
			data_type: 'picklist',
			custom: true,
			picklist: ['Bronze', 'Silver', 'Gold', 'Platinum'],
		},
		{ api_name: 'Loyalty_Points', data_type: 'integer', custom: true },
		{
			api_name: 'Interests',
			data_type: 'multiselectpicklist',
			custom: true,
			picklist: ['Design', 'Support', 'Training', 'Hardware'],
		},
		...audit,
	],
	Accounts: [
		owner,
		text('Account_Name', { mandatory: true, label: 'Company Name', length: 200 }),
		{ api_name: 'Phone', data_type: 'phone', length: 30 },
		{ api_name: 'Website', data_type: 'website', length: 255 },
		...address('Billing', 'Code'),
		description,
		{ api_name: 'Annual_Revenue', data_type: 'currency', custom: true },
		...audit,
	],
	Pipelines: [
		owner,
		text('Deal_Name', { mandatory: true, label: 'Pipeline Name', length: 120 }),
		{ api_name: 'Account_Name', data_type: 'lookup', label: 'Company Name', lookup: 'Accounts' },
		{ api_name: 'Contact_Name', data_type: 'lookup', label: 'Contact Name', lookup: 'Contacts' },
		{ api_name: 'Amount', data_type: 'currency' },
		{ api_name: 'Closing_Date', data_type: 'date' },
		// The Team Pipeline is the record's layout, written and read as `{ name, id }`.
		{ api_name: 'Pipeline', data_type: 'lookup', lookup: 'Layouts' },
		{
			api_name: 'Sub_Pipeline',
			data_type: 'picklist',
			label: 'Sub-Pipeline',
			mandatory: true,
			picklist: ALL_SUB_PIPELINES,
		},
		{ api_name: 'Stage', data_type: 'picklist', mandatory: true, picklist: ALL_STAGES },
		description,
		{ api_name: 'Renewal_Date', data_type: 'date', custom: true },
		...audit,
	],
	Products: [
		owner,
		text('Product_Name', { mandatory: true, length: 120 }),
		text('Product_Code', { length: 40 }),
		{ api_name: 'Unit_Price', data_type: 'currency' },
		{ api_name: 'Product_Active', data_type: 'boolean' },
		description,
		...audit,
	],
	Tasks: [
		owner,
		text('Subject', { mandatory: true, length: 300 }),
		{ api_name: 'Due_Date', data_type: 'date' },
		{
			api_name: 'Status',
			data_type: 'picklist',
			picklist: ['Not Started', 'Deferred', 'In Progress', 'Completed', 'Waiting for input'],
		},
		{
			api_name: 'Priority',
			data_type: 'picklist',
			picklist: ['High', 'Highest', 'Low', 'Lowest', 'Normal'],
		},
		description,
		...audit,
	],
	Events: [
		owner,
		text('Event_Title', { mandatory: true, label: 'Title', length: 255 }),
		{ api_name: 'Start_DateTime', data_type: 'datetime', label: 'From', mandatory: true },
		{ api_name: 'End_DateTime', data_type: 'datetime', label: 'To', mandatory: true },
		text('Venue', { length: 255 }),
		{ api_name: 'All_day', data_type: 'boolean' },
		description,
		...audit,
	],
	Calls: [
		owner,
		text('Subject', { mandatory: true, length: 300 }),
		{
			api_name: 'Call_Type',
			data_type: 'picklist',
			mandatory: true,
			picklist: ['Outbound', 'Inbound', 'Missed'],
		},
		{ api_name: 'Call_Start_Time', data_type: 'datetime', mandatory: true },
		text('Call_Duration', { mandatory: true, length: 10 }),
		{ api_name: 'Call_Duration_in_seconds', data_type: 'integer', readOnly: true },
		description,
		...audit,
	],
	Notes: [
		owner,
		text('Note_Title', { length: 120 }),
		{ api_name: 'Note_Content', data_type: 'textarea', mandatory: true, length: 32000 },
		// Notes hang off a record of any module: `$se_module` beside Parent_Id names which one.
		{
			api_name: 'Parent_Id',
			data_type: 'lookup',
			label: 'Parent ID',
			mandatory: true,
			lookup: 'Contacts',
		},
		...audit,
	],
};

/** The field a lookup to a record of this module shows as its `name`. */
export const NAME_FIELD: Record<string, string> = {
	Contacts: 'Full_Name',
	Accounts: 'Account_Name',
	Pipelines: 'Deal_Name',
	Products: 'Product_Name',
	Tasks: 'Subject',
	Events: 'Event_Title',
	Calls: 'Subject',
	Notes: 'Note_Title',
};

export function fieldSpec(module: string, apiName: string): FieldSpec | undefined {
	return MODULE_FIELDS[module]?.find((field) => field.api_name === apiName);
}

export function mandatoryFields(module: string): string[] {
	return (MODULE_FIELDS[module] ?? []).filter((field) => field.mandatory).map((f) => f.api_name);
}

const JSON_TYPE: Record<DataType, string> = {
	text: 'string',
	textarea: 'string',
	email: 'string',
	phone: 'string',
	website: 'string',
	picklist: 'string',
	multiselectpicklist: 'jsonarray',
	date: 'string',
	datetime: 'string',
	integer: 'integer',
	bigint: 'string',
	double: 'double',
	currency: 'double',
	boolean: 'boolean',
	lookup: 'jsonobject',
	ownerlookup: 'jsonobject',
};

const DEFAULT_LENGTH: Partial<Record<DataType, number>> = {
	integer: 9,
	bigint: 18,
	double: 16,
	currency: 16,
	boolean: 5,
	date: 20,
	datetime: 120,
};

function labelOf(field: FieldSpec): string {
	return field.label ?? field.api_name.replace(/_/g, ' ');
}

/** A field as Bigin's `GET settings/fields` describes it (the shape of Zoho CRM's fields API). */
export function fieldMetadata(module: string, field: FieldSpec, index: number): JsonObject {
	const picklist = field.picklist ?? [];
	const lookupModule = field.lookup ?? (field.data_type === 'ownerlookup' ? 'users' : undefined);
	return {
		id: `675683900000${String(2000 + Object.keys(MODULE_FIELDS).indexOf(module)).padStart(4, '0')}${String(index).padStart(3, '0')}`,
		api_name: field.api_name,
		field_label: labelOf(field),
		display_label: labelOf(field),
		data_type: field.data_type,
		json_type: JSON_TYPE[field.data_type],
		system_mandatory: field.mandatory === true,
		read_only: field.readOnly === true,
		field_read_only: field.readOnly === true,
		custom_field: field.custom === true,
		length: field.length ?? DEFAULT_LENGTH[field.data_type] ?? 255,
		visible: true,
		sortable: field.data_type !== 'multiselectpicklist' && field.data_type !== 'textarea',
		pick_list_values: picklist.map((value, sequence) => ({
			display_value: value,
			actual_value: value,
			sequence_number: sequence + 1,
		})),
		lookup: lookupModule ? { module: { api_name: lookupModule } } : {},
	};
}

export function moduleFieldsMetadata(module: string): JsonObject[] {
	return (MODULE_FIELDS[module] ?? []).map((field, index) => fieldMetadata(module, field, index));
}
