import type { Json, JsonObject } from './types';

/** One module of the org as `settings/modules` lists it, in the few words that vary. */
interface OrgModule {
	api_name: string;
	/** `module_name`: Associated Products is `LinkingModule1`, as recorded. */
	module_name?: string;
	singular: string;
	plural: string;
	id: string;
	sequence: number;
	/** A standard record module (tab, quick create, triggers, feeds, filters, blueprint). */
	standard: boolean;
	api_supported?: boolean;
	creatable?: boolean;
	editable?: boolean;
	deletable?: boolean;
	visible?: boolean;
	showAsTab?: boolean;
	globalSearch?: boolean;
	generated_type?: string;
	emailParser?: boolean;
	scoring?: boolean;
	webform?: boolean;
	blueprint?: boolean;
	emailTemplates?: boolean;
	/** Modified by nobody (the Social module), so `modified_by` and `modified_time` are null. */
	untouched?: boolean;
	parent?: string;
	profiles?: number;
}

/**
 * The org's modules in the order `settings/modules` lists them, as recorded: the seven record
 * modules, then Social (no API), Associated Products (the pipeline–product subform), Notes and
 * Attachments. Module ids are the recorded org's, so `resource_id` of a watch matches them.
 */
export const ORG_MODULES: OrgModule[] = [
	{
		api_name: 'Contacts',
		singular: 'Contact',
		plural: 'Contacts',
		id: '7618134000000002179',
		sequence: 3,
		standard: true,
		emailParser: true,
		scoring: true,
		webform: true,
	},
	{
		api_name: 'Accounts',
		singular: 'Company',
		plural: 'Companies',
		id: '7618134000000002177',
		sequence: 4,
		standard: true,
		emailParser: true,
		scoring: true,
	},
	{
		api_name: 'Pipelines',
		singular: 'Pipeline',
		plural: 'Pipelines',
		id: '7618134000000002181',
		sequence: 5,
		standard: true,
		scoring: true,
	},
	{
		api_name: 'Tasks',
		singular: 'Task',
		plural: 'Tasks',
		id: '7618134000000002193',
		sequence: 6,
		standard: true,
	},
	{
		api_name: 'Events',
		singular: 'Event',
		plural: 'Events',
		id: '7618134000000002195',
		sequence: 6,
		standard: true,
	},
	{
		api_name: 'Calls',
		singular: 'Call',
		plural: 'Calls',
		id: '7618134000000033015',
		sequence: 6,
		standard: true,
		blueprint: false,
	},
	{
		api_name: 'Products',
		singular: 'Product',
		plural: 'Products',
		id: '7618134000000002213',
		sequence: 9,
		standard: true,
	},
	{
		api_name: 'Social',
		singular: 'Social',
		plural: 'Social',
		id: '7618134000000065001',
		sequence: 24,
		standard: false,
		api_supported: false,
		creatable: false,
		editable: false,
		deletable: false,
		showAsTab: true,
		globalSearch: false,
		emailTemplates: false,
		untouched: true,
		profiles: 1,
	},
	{
		api_name: 'Associated_Products',
		module_name: 'LinkingModule1',
		singular: 'Associated Products',
		plural: 'Associated Products',
		id: '7618134000000628012',
		sequence: 25,
		standard: false,
		generated_type: 'subform',
		emailTemplates: true,
		parent: 'Pipelines',
	},
	{
		api_name: 'Notes',
		singular: 'Note',
		plural: 'Notes',
		id: '7618134000000002197',
		sequence: 29,
		standard: false,
		visible: false,
		emailTemplates: false,
	},
	{
		api_name: 'Attachments',
		singular: 'Attachment',
		plural: 'Attachments',
		id: '7618134000000002227',
		sequence: 33,
		standard: false,
		visible: false,
		editable: false,
		globalSearch: false,
		emailTemplates: false,
	},
];

/** The org's two profiles, as every module and field lists them. */
export const PROFILES = [
	{ name: 'Administrator', id: '7618134000000026011' },
	{ name: 'Standard', id: '7618134000000026014' },
];

export function moduleId(module: string): string {
	return ORG_MODULES.find((entry) => entry.api_name === module)?.id ?? '';
}

/** The id of a module's Standard layout (Pipelines' layouts are its Team Pipelines). */
export function standardLayoutId(module: string): string {
	return `75681340000000${String(91000 + ORG_MODULES.findIndex((entry) => entry.api_name === module) * 4 + 9)}`;
}

/**
 * A module as `GET settings/modules` describes it: 43 keys, in the order Bigin puts them (the
 * answer is written in Bigin's key order afterwards).
 */
export function moduleMetadata(
	module: OrgModule,
	modifiedBy: JsonObject,
	modifiedTime: string,
): JsonObject {
	const standard = module.standard;
	const profiles = PROFILES.slice(0, module.profiles ?? 2);
	return {
		has_more_profiles: false,
		access_type: 'org_based',
		private_profile: null,
		global_search_supported: module.globalSearch ?? true,
		deletable: module.deletable ?? true,
		description: null,
		creatable: module.creatable ?? true,
		email_parser_supported: module.emailParser === true,
		inventory_template_supported: false,
		modified_time: module.untouched ? null : modifiedTime,
		plural_label: module.plural,
		presence_sub_menu: standard,
		actual_plural_label: module.plural,
		triggers_supported: standard,
		id: module.id,
		isBlueprintSupported: standard && module.blueprint !== false,
		visible: module.visible ?? true,
		visibility: module.generated_type === 'subform' ? 2 : 1,
		convertable: false,
		editable: module.editable ?? true,
		emailTemplate_support: module.emailTemplates ?? true,
		actual_singular_label: module.singular,
		profiles: profiles.map((profile) => ({ ...profile })),
		filter_supported: standard,
		show_as_tab: module.showAsTab ?? standard,
		web_link: null,
		sequence_number: module.sequence,
		singular_label: module.singular,
		viewable: true,
		api_supported: module.api_supported ?? true,
		api_name: module.api_name,
		quick_create: standard,
		modified_by: module.untouched ? null : modifiedBy,
		generated_type: module.generated_type ?? 'default',
		feeds_required: standard,
		scoring_supported: module.scoring === true,
		webform_supported: module.webform === true,
		public_fields_configured: false,
		arguments: [],
		module_name: module.module_name ?? module.api_name,
		profile_count: profiles.length,
		business_card_field_limit: 5,
		parent_module: module.parent ? { api_name: module.parent, id: moduleId(module.parent) } : {},
	};
}

/**
 * The system values (`$` keys) a whole record carries, as recorded for Contacts, Companies and
 * Products; Bigin puts most of them before the fields and `$locked_for_me` after them.
 */
export function systemValues(module: string): { before: JsonObject; after: JsonObject } {
	const products = module === 'Products';
	const before: Record<string, Json> = {
		$currency_symbol: '$',
		$field_states: null,
		$process_flow: false,
		$review_process: { approve: false, reject: false, resubmit: false },
		$state: 'save',
		...(products ? {} : { $zia_owner_assignment: 'owner_recommendation_unavailable' }),
		$orchestration: null,
		$zia_visions: null,
		$approval: { delegate: false, takeover: false, approve: false, reject: false, resubmit: false },
		$review: null,
		$layout_id: { display_label: 'Standard', name: 'Standard', id: standardLayoutId(module) },
		$sharing_permission: 'full_access',
		...(products ? { $taxable: true } : {}),
		$editable: true,
		...(products ? {} : { $is_duplicate: false }),
		$in_merge: false,
		$approval_state: 'approved',
		$pathfinder: null,
	};
	return { before, after: { $locked_for_me: false } };
}
