import { ALL_STAGES, ALL_SUB_PIPELINES } from './pipelines';
import type { Json } from './types';

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
	| 'ownerlookup'
	| 'profileimage'
	| 'subform'
	| 'multiselectlookup';

/** One field of a module, in the few words the simulator needs; `fieldMetadata` expands it. */
export interface FieldSpec {
	api_name: string;
	data_type: DataType;
	/** Bigin's `json_type` where the data type does not give it (Tag: text held as a jsonarray). */
	json_type?: string;
	label?: string;
	/** The name layouts show where it differs from the label (`display_label`). */
	displayLabel?: string;
	/** Bigin refuses a create without it (`system_mandatory`). */
	mandatory?: boolean;
	custom?: boolean;
	length?: number;
	picklist?: string[];
	/** The module a lookup points to (the default one, for a lookup to records of several modules). */
	lookup?: string;
	/**
	 * For a lookup to records of several modules, the `$` key beside it that names the module
	 * (`$se_module` for a note's Parent_Id, `$related_module` for an activity's Related_To), and
	 * the modules it may name.
	 */
	moduleKey?: '$se_module' | '$related_module';
	modules?: string[];
	/**
	 * Bigin fills it: `view_type` says it can be neither created nor edited (audit fields, Full_Name,
	 * Tag, Last_Activity_Time). Both `read_only` flags stay false on most of them, as recorded.
	 */
	system?: boolean;
	/** `field_read_only: true` (Owner, as recorded, and still writable through the API). */
	fieldReadOnly?: boolean;
	/** `read_only: true`, read-only for every profile too (Unsubscribed_Mode, Unsubscribed_Time). */
	readOnly?: boolean;
	/** Written through the API although `view_type` says no: Tag, as the recorded writes show. */
	apiWritable?: boolean;
	/** On the quick-create form (`view_type.quick_create`). */
	quickCreate?: boolean;
	/** Left out of the detail view (`view_type.view: false`): First and Last Name, shown as Full_Name. */
	hiddenInView?: boolean;
	/** Not in the layout: every record carries it (empty), `settings/fields` does not list it. */
	unused?: boolean;
	/** What a new record holds when the write gives nothing. */
	initial?: Json;
	searchable?: boolean;
	sortable?: boolean;
	filterable?: boolean;
	/**
	 * One of the fields Bigin refuses when a list or single-record read names it in `fields`
	 * (under the `refuseUnlistableFields` reading); `settings/fields` lists it all the same.
	 */
	unlistable?: boolean;
}

const text = (api_name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
	api_name,
	data_type: 'text',
	...extra,
});
const unused = (api_name: string, data_type: DataType, extra: Partial<FieldSpec> = {}) => ({
	api_name,
	data_type,
	unused: true,
	...extra,
});
const owner = (label: string): FieldSpec => ({
	api_name: 'Owner',
	data_type: 'ownerlookup',
	label,
	displayLabel: label,
	fieldReadOnly: true,
});
const createdBy: FieldSpec = { api_name: 'Created_By', data_type: 'ownerlookup', system: true };
const modifiedBy: FieldSpec = { api_name: 'Modified_By', data_type: 'ownerlookup', system: true };
const createdTime: FieldSpec = { api_name: 'Created_Time', data_type: 'datetime', system: true };
const modifiedTime: FieldSpec = { api_name: 'Modified_Time', data_type: 'datetime', system: true };
const audit = [createdBy, modifiedBy, createdTime, modifiedTime];
const lastActivity: FieldSpec = {
	api_name: 'Last_Activity_Time',
	data_type: 'datetime',
	system: true,
	fieldReadOnly: true,
};
const tag: FieldSpec = {
	api_name: 'Tag',
	data_type: 'text',
	json_type: 'jsonarray',
	length: 2000,
	system: true,
	apiWritable: true,
	sortable: false,
	initial: [],
};
const recordImage = (label: string): FieldSpec => ({
	api_name: 'Record_Image',
	data_type: 'profileimage',
	label,
	displayLabel: 'Record Image',
	length: 255,
	searchable: false,
	sortable: false,
	filterable: false,
});
const description: FieldSpec = {
	api_name: 'Description',
	data_type: 'textarea',
	length: 32000,
	sortable: false,
	filterable: false,
};
const locked = unused('Locked__s', 'boolean', { initial: false, system: true });
/**
 * The record a task, event or call is about: written `Related_To: { id }` with the module in
 * `$related_module` beside it (Bigin's documentation; not in the recordings).
 */
const relatedTo: FieldSpec = {
	api_name: 'Related_To',
	data_type: 'lookup',
	label: 'Related To',
	moduleKey: '$related_module',
	modules: ['Contacts', 'Accounts', 'Pipelines'],
};
/** An address block; lengths as the recorded Mailing address has them. */
const address = (prefix: string, code: string, extra: Partial<FieldSpec> = {}): FieldSpec[] =>
	[
		['Street', 250],
		['City', 100],
		['State', 100],
		[code, 30],
		['Country', 100],
	].map(([part, length]) => text(`${prefix}_${part}`, { length: Number(length), ...extra }));

/**
 * Every module's fields in the order Bigin holds them (its layout's, and the order its records
 * are written in), the fields a layout leaves unused included. Contacts, Companies and Products
 * follow the recorded org: its Contacts field list, the keys of its whole records; the other
 * modules follow Bigin's documentation. The seeded org's custom fields come last.
 */
export const MODULE_FIELDS: Record<string, FieldSpec[]> = {
	Contacts: [
		owner('Contact Owner'),
		text('First_Name', { length: 40, quickCreate: true, hiddenInView: true }),
		text('Last_Name', { mandatory: true, length: 80, quickCreate: true, hiddenInView: true }),
		{
			api_name: 'Account_Name',
			data_type: 'lookup',
			label: 'Company Name',
			displayLabel: 'Account Name',
			lookup: 'Accounts',
			quickCreate: true,
		},
		{ api_name: 'Email', data_type: 'email', length: 100, quickCreate: true },
		text('Title', { length: 100 }),
		{ api_name: 'Phone', data_type: 'phone', length: 50, quickCreate: true },
		{ api_name: 'Home_Phone', data_type: 'phone', length: 30 },
		{ api_name: 'Mobile', data_type: 'phone', length: 30 },
		unused('Asst_Phone', 'phone', { length: 30 }),
		...audit,
		text('Full_Name', { system: true, length: 120 }),
		...address('Mailing', 'Zip'),
		description,
		{ api_name: 'Email_Opt_Out', data_type: 'boolean', initial: false },
		lastActivity,
		tag,
		recordImage('Contact Image'),
		{
			api_name: 'Unsubscribed_Mode',
			data_type: 'picklist',
			picklist: ['Consent form', 'Manual', 'Unsubscribe link', 'Zoho campaigns'],
			system: true,
			readOnly: true,
			fieldReadOnly: true,
		},
		{
			api_name: 'Unsubscribed_Time',
			data_type: 'datetime',
			system: true,
			readOnly: true,
			fieldReadOnly: true,
		},
		{
			api_name: 'Record_Creation_Source_ID__s',
			data_type: 'bigint',
			label: 'Record Creation Source ID',
			length: 19,
			system: true,
			fieldReadOnly: true,
			initial: '0',
		},
		unused('Salutation', 'picklist', { picklist: ['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.'] }),
		unused('Other_Phone', 'phone'),
		unused('Department', 'text'),
		unused('Assistant', 'text'),
		unused('Reporting_To', 'lookup', { lookup: 'Contacts' }),
		unused('Secondary_Email', 'email'),
		unused('Skype_ID', 'text'),
		unused('Date_of_Birth', 'date'),
		unused('Lead_Source', 'picklist', { picklist: ['Advertisement', 'Web Download', 'Partner'] }),
		unused('Fax', 'phone'),
		...address('Other', 'Zip').map((field) => ({ ...field, unused: true })),
		unused('Twitter', 'text'),
		locked,
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
	],
	Accounts: [
		owner('Company Owner'),
		text('Account_Name', {
			mandatory: true,
			label: 'Company Name',
			length: 200,
			quickCreate: true,
		}),
		{ api_name: 'Phone', data_type: 'phone', length: 30, quickCreate: true },
		{ api_name: 'Website', data_type: 'website', length: 255, quickCreate: true },
		...address('Billing', 'Code'),
		description,
		...audit,
		lastActivity,
		tag,
		recordImage('Company Image'),
		unused('Account_Type', 'picklist', { picklist: ['Customer', 'Partner', 'Vendor'] }),
		unused('Account_Site', 'text'),
		unused('Account_Number', 'text', { initial: '0' }),
		unused('Parent_Account', 'lookup', { lookup: 'Accounts' }),
		unused('Industry', 'picklist', { picklist: ['Retail', 'Services', 'Technology'] }),
		unused('SIC_Code', 'integer'),
		unused('Ownership', 'picklist', { picklist: ['Private', 'Public', 'Partnership'] }),
		unused('Rating', 'picklist', { picklist: ['Active', 'Market Failed', 'Project Cancelled'] }),
		unused('Ticker_Symbol', 'text'),
		unused('Employees', 'integer'),
		unused('Fax', 'phone'),
		...address('Shipping', 'Code').map((field) => ({ ...field, unused: true })),
		locked,
		{ api_name: 'Annual_Revenue', data_type: 'currency', custom: true },
	],
	Pipelines: [
		owner('Pipeline Owner'),
		text('Deal_Name', { mandatory: true, label: 'Pipeline Name', length: 120, quickCreate: true }),
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
		{
			api_name: 'Associated_Products',
			data_type: 'subform',
			json_type: 'jsonarray',
			system: true,
			unlistable: true,
			initial: [],
		},
		{
			api_name: 'Secondary_Contacts',
			data_type: 'multiselectlookup',
			json_type: 'jsonarray',
			system: true,
			unlistable: true,
			initial: [],
		},
		...audit,
		lastActivity,
		tag,
		locked,
		{ api_name: 'Renewal_Date', data_type: 'date', custom: true },
	],
	Products: [
		owner('Product Owner'),
		text('Product_Name', { mandatory: true, length: 120, quickCreate: true }),
		text('Product_Code', { length: 40 }),
		{ api_name: 'Product_Active', data_type: 'boolean', initial: true },
		{
			api_name: 'Product_Category',
			data_type: 'picklist',
			picklist: ['Hardware', 'Software', 'CRM Applications'],
		},
		...audit,
		{ api_name: 'Unit_Price', data_type: 'currency' },
		description,
		lastActivity,
		tag,
		recordImage('Product Image'),
		unused('Manufacturer', 'picklist', { picklist: ['AltvetPet Inc.', 'LexPon Inc.'] }),
		unused('Handler', 'ownerlookup'),
		unused('Usage_Unit', 'picklist', { picklist: ['Box', 'Carton', 'Dozen', 'Each'] }),
		unused('Qty_in_Stock', 'double', { initial: 0 }),
		unused('Qty_Ordered', 'double', { initial: 0 }),
		unused('Qty_in_Demand', 'double', { initial: 0 }),
		unused('Reorder_Level', 'double', { initial: 0 }),
		unused('Commission_Rate', 'currency'),
		unused('Sales_Start_Date', 'date'),
		unused('Sales_End_Date', 'date'),
		unused('Support_Start_Date', 'date'),
		unused('Support_Expiry_Date', 'date'),
		unused('Tax', 'multiselectpicklist', { picklist: ['Sales Tax', 'Vat'], initial: [] }),
		unused('Taxable', 'boolean', { initial: true }),
		locked,
	],
	Tasks: [
		owner('Task Owner'),
		text('Subject', { mandatory: true, length: 300, quickCreate: true }),
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
		relatedTo,
		description,
		...audit,
		tag,
		locked,
	],
	Events: [
		owner('Host'),
		text('Event_Title', { mandatory: true, label: 'Title', length: 255, quickCreate: true }),
		{ api_name: 'Start_DateTime', data_type: 'datetime', label: 'From', mandatory: true },
		{ api_name: 'End_DateTime', data_type: 'datetime', label: 'To', mandatory: true },
		text('Venue', { length: 255 }),
		{ api_name: 'All_day', data_type: 'boolean', initial: false },
		{
			api_name: 'Participants',
			data_type: 'multiselectlookup',
			json_type: 'jsonarray',
			system: true,
			unlistable: true,
			initial: [],
		},
		relatedTo,
		description,
		...audit,
		tag,
		locked,
	],
	Calls: [
		owner('Call Owner'),
		text('Subject', { mandatory: true, length: 300, quickCreate: true }),
		{
			api_name: 'Call_Type',
			data_type: 'picklist',
			mandatory: true,
			picklist: ['Outbound', 'Inbound', 'Missed'],
		},
		{ api_name: 'Call_Start_Time', data_type: 'datetime', mandatory: true },
		text('Call_Duration', { mandatory: true, length: 10 }),
		{ api_name: 'Call_Duration_in_seconds', data_type: 'integer', system: true },
		{
			api_name: 'Call_Status',
			data_type: 'picklist',
			picklist: ['Scheduled', 'Completed', 'Overdue', 'Cancelled'],
			system: true,
			unlistable: true,
		},
		{ api_name: 'CTI_Entry', data_type: 'boolean', system: true, unlistable: true, initial: false },
		relatedTo,
		description,
		...audit,
		tag,
		locked,
	],
	Notes: [
		owner('Note Owner'),
		text('Note_Title', { length: 120 }),
		{ api_name: 'Note_Content', data_type: 'textarea', mandatory: true, length: 32000 },
		// Notes hang off a record of any module: `$se_module` beside Parent_Id names which one.
		{
			api_name: 'Parent_Id',
			data_type: 'lookup',
			label: 'Parent ID',
			mandatory: true,
			lookup: 'Contacts',
			moduleKey: '$se_module',
			modules: ['Contacts', 'Accounts', 'Pipelines', 'Products', 'Tasks', 'Events', 'Calls'],
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

/** The fields `settings/fields` lists: the layout's, unused ones left out. */
export function layoutFields(module: string): FieldSpec[] {
	return (MODULE_FIELDS[module] ?? []).filter((field) => !field.unused);
}

export function mandatoryFields(module: string): string[] {
	return (MODULE_FIELDS[module] ?? []).filter((field) => field.mandatory).map((f) => f.api_name);
}

/** `view_type`: where the field shows and whether a create or an edit may set it. */
export function viewType(field: FieldSpec): {
	view: boolean;
	edit: boolean;
	quick_create: boolean;
	create: boolean;
} {
	const settable = !field.system && !field.readOnly;
	return {
		view: !field.hiddenInView,
		edit: settable,
		quick_create: field.quickCreate === true,
		create: settable,
	};
}

/** The `$` key that names the module of a lookup to records of several modules, if any. */
export function moduleKeyOf(module: string): FieldSpec['moduleKey'] {
	return MODULE_FIELDS[module]?.find((field) => field.moduleKey)?.moduleKey;
}

/** The module a lookup of this record points to: the fixed one, or the one its `$` key names. */
export function lookupModuleOf(field: FieldSpec, record: Record<string, Json>): string | undefined {
	if (!field.moduleKey) return field.lookup;
	const named = record[field.moduleKey];
	return typeof named === 'string' ? named : field.lookup;
}

/** Whether a write through the API stores the field (`view_type`, or the recorded exception). */
export function writable(field: FieldSpec): boolean {
	return field.apiWritable === true || viewType(field).create;
}
