import type { DataType, FieldSpec } from './fields';
import { MODULE_FIELDS, layoutFields, viewType } from './fields';
import { PROFILES, moduleId } from './modules';
import type { JsonObject } from './types';

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
	profileimage: 'string',
	subform: 'jsonarray',
	multiselectlookup: 'jsonarray',
};

const DEFAULT_LENGTH: Partial<Record<DataType, number>> = {
	integer: 9,
	bigint: 19,
	double: 16,
	currency: 16,
	boolean: 5,
	date: 20,
	datetime: 120,
	picklist: 120,
	lookup: 120,
	ownerlookup: 120,
	textarea: 32000,
};

/** Zoho's `ui_type` per data type (as the recorded fields show; the audit fields have their own). */
const UI_TYPE: Record<DataType, number> = {
	text: 1,
	textarea: 3,
	email: 25,
	phone: 33,
	website: 21,
	picklist: 2,
	multiselectpicklist: 100,
	date: 24,
	datetime: 333,
	integer: 32,
	bigint: 52,
	double: 38,
	currency: 36,
	boolean: 301,
	lookup: 133,
	ownerlookup: 8,
	profileimage: 66,
	subform: 440,
	multiselectlookup: 455,
};

function labelOf(field: FieldSpec): string {
	return field.label ?? field.api_name.replace(/__s$/, '').replace(/_/g, ' ');
}

function fieldId(module: string, index: number): string {
	const moduleIndex = Object.keys(MODULE_FIELDS).indexOf(module);
	return `675683900000${String(2000 + moduleIndex).padStart(4, '0')}${String(index).padStart(3, '0')}`;
}

function pickListValues(module: string, field: FieldSpec, index: number): JsonObject[] {
	return (field.picklist ?? []).map((value, sequence) => ({
		display_value: value,
		sequence_number: sequence + 1,
		reference_value: value,
		colour_code: null,
		actual_value: value,
		id: `${fieldId(module, index)}${String(sequence + 1).padStart(2, '0')}`.slice(-19),
		type: 'used',
	}));
}

function lookupOf(module: string, field: FieldSpec, index: number): JsonObject {
	if (field.data_type !== 'lookup' || !field.lookup || field.lookup === 'Layouts') return {};
	return {
		display_label: module,
		api_name: module,
		module: { api_name: field.lookup, crypt: false, id: moduleId(field.lookup) },
		id: `${fieldId(module, index).slice(0, -3)}9${String(index).padStart(2, '0')}`,
	};
}

/** A lookup to records of several modules lists them (and says which `$` key names the module). */
function multiModuleLookup(field: FieldSpec): JsonObject {
	if (!field.moduleKey) return {};
	return {
		display_label: labelOf(field),
		api_name: field.moduleKey,
		modules: (field.modules ?? []).map((module) => ({ api_name: module, id: moduleId(module) })),
	};
}

/**
 * A field as Bigin's `GET settings/fields` describes it: the 55 keys of the recorded Contacts
 * fields (56 for text areas, picklists and quick-create fields), in the order Bigin puts them.
 * `read_only`, `field_read_only` and `view_type` are as recorded: the audit fields, Full_Name and
 * Tag are writable by both flags and unwritable by `view_type`; Owner is `field_read_only` and
 * writable; only the unsubscribe fields are `read_only`.
 */
export function fieldMetadata(module: string, field: FieldSpec, index: number): JsonObject {
	const views = viewType(field);
	const settable = views.create;
	const quickCreate = layoutFields(module).filter((candidate) => candidate.quickCreate);
	const picklist = field.data_type === 'picklist' || field.data_type === 'multiselectpicklist';
	const metadata: JsonObject = {
		webhook: field.data_type !== 'profileimage' && field.api_name !== 'Full_Name',
		colour_code_enabled_by_system: false,
		field_label: labelOf(field),
		tooltip: null,
		...(field.data_type === 'textarea' ? { textarea: { type: 'large' } } : {}),
		display_format_properties: null,
		type: 'used',
		field_read_only: field.fieldReadOnly === true || field.readOnly === true,
		display_label: field.displayLabel ?? labelOf(field),
		read_only: field.readOnly === true,
		association_details: null,
		businesscard_supported: !field.system && field.data_type !== 'profileimage',
		multi_module_lookup: multiModuleLookup(field),
		id: fieldId(module, index),
		created_time: null,
		filterable: field.filterable ?? true,
		visible: true,
		profiles: PROFILES.map((profile) => ({
			permission_type: field.readOnly ? 'read_only' : 'read_write',
			name: profile.name,
			id: profile.id,
		})),
		view_type: views,
		subform: null,
		separator: false,
		searchable: field.searchable ?? true,
		external: null,
		api_name: field.api_name,
		parent_field: null,
		unique: field.data_type === 'email' && !field.custom ? { casesensitive: '0' } : {},
		enable_colour_code: false,
		child_fields: null,
		pick_list_values: pickListValues(module, field, index),
		system_mandatory: field.mandatory === true,
		virtual_field: false,
		json_type: field.json_type ?? JSON_TYPE[field.data_type],
		crypt: null,
		range: null,
		created_source: field.custom ? 'crm' : 'default',
		display_type: -1,
		ui_type: UI_TYPE[field.data_type],
		modified_time: null,
		...(field.quickCreate ? { quick_sequence_number: String(quickCreate.indexOf(field) + 1) } : {}),
		email_parser: {
			fields_update_supported: settable && !field.mandatory && field.data_type !== 'textarea',
			record_operations_supported: settable && field.data_type !== 'ownerlookup',
		},
		currency: {},
		custom_field: field.custom === true,
		lookup: lookupOf(module, field, index),
		address: null,
		length: field.length ?? DEFAULT_LENGTH[field.data_type] ?? 255,
		display_field: field.api_name === 'Full_Name',
		pick_list_values_sorted_lexically: field.readOnly === true && picklist,
		sortable: field.sortable ?? true,
		global_picklist: null,
		display_format: null,
		history_tracking: null,
		data_type: field.data_type,
		formula: {},
		decimal_place: field.data_type === 'currency' ? 2 : null,
		mass_update: settable && !field.mandatory && !field.quickCreate && field.sortable !== false,
		...(picklist ? { blueprint_supported: false } : {}),
		multiselectlookup: {},
		auto_number: {},
	};
	return metadata;
}

/** `settings/fields`: the module's layout fields, unused ones left out, in layout order. */
export function moduleFieldsMetadata(module: string): JsonObject[] {
	const all = MODULE_FIELDS[module] ?? [];
	return layoutFields(module).map((field) => fieldMetadata(module, field, all.indexOf(field)));
}
