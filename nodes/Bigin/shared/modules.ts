/** Subscription verbs, as a channel's `events` takes them. Callbacks use other words. */
export const SUBSCRIPTION_OPERATIONS = ['create', 'edit', 'delete', 'all'] as const;

export type SubscriptionOperation = (typeof SUBSCRIPTION_OPERATIONS)[number];

/** What the node knows about a module's records. */
export interface RecordFacts {
	/** The field that names a record in lists. */
	nameField: string;
	/** The field Bigin itself checks for duplicates: the default to match on in an upsert. */
	duplicateCheckField: string;
	/** The fields most workflows use; Simplify keeps these, the id and the times. */
	commonFields: readonly string[];
	/**
	 * Fields Bigin refuses when a list or record read names them in `fields` (integrations written
	 * against live Bigin leave them out for that reason), though `settings/fields` lists them.
	 */
	unlistableFields?: readonly string[];
}

/** How a record that hangs off a record of another module names its parent. */
export interface ParentLink {
	/** The lookup holding the parent record's id. */
	idField: string;
	/** The name the editor gives that field. */
	idFieldLabel: string;
	/** The name the editor gives the choice of the parent's module. */
	moduleLabel: string;
	/** The field that tells Bigin which module the parent belongs to. */
	moduleField: string;
	/** The modules a parent may belong to; every other module of the table when left out. */
	parentModules?: readonly string[];
}

/** One Bigin module: the one place the node's knowledge of it lives. */
export interface BiginModule {
	apiName: string;
	/** As Bigin's UI names one record and the module: "Company", "Companies". */
	label: { singular: string; plural: string };
	/** The subscription events Bigin sends for its records; none when Bigin cannot watch it. */
	events: readonly SubscriptionOperation[];
	record: RecordFacts;
	/** Whether its records sit in a Team Pipeline, sub-pipeline and stage. */
	pipelinePlacement: boolean;
	/** For records that belong to a record of another module. */
	parent?: ParentLink;
	/**
	 * The related lists of a record (`GET {Module}/{id}/{list}`), each named as the module of the
	 * records it holds: a company's Contacts, a contact's Products.
	 */
	relatedLists?: readonly string[];
	/** Whether products can be linked to its records (`PUT {Module}/{id}/Products/{productId}`). */
	productLinks?: boolean;
}

export type ModuleTable = readonly BiginModule[];

/**
 * Tasks, events and calls are about a contact, a company or a pipeline record: its id in
 * `Related_To`, its module in `$related_module` beside it (Bigin's documentation; without the
 * module Bigin answers MANDATORY_NOT_FOUND naming `$related_module`).
 */
const ACTIVITY_PARENT: ParentLink = {
	idField: 'Related_To',
	idFieldLabel: 'Related To',
	moduleLabel: 'Related Module',
	moduleField: '$related_module',
	parentModules: ['Contacts', 'Accounts', 'Pipelines'],
};

export const BIGIN_MODULES: ModuleTable = [
	{
		apiName: 'Contacts',
		label: { singular: 'Contact', plural: 'Contacts' },
		events: SUBSCRIPTION_OPERATIONS,
		record: {
			nameField: 'Full_Name',
			duplicateCheckField: 'Email',
			commonFields: [
				'First_Name',
				'Last_Name',
				'Full_Name',
				'Email',
				'Phone',
				'Mobile',
				'Title',
				'Account_Name',
				'Owner',
			],
		},
		pipelinePlacement: false,
		relatedLists: ['Pipelines', 'Products', 'Tasks', 'Events', 'Calls', 'Notes'],
		productLinks: true,
	},
	{
		apiName: 'Accounts',
		label: { singular: 'Company', plural: 'Companies' },
		events: SUBSCRIPTION_OPERATIONS,
		record: {
			nameField: 'Account_Name',
			duplicateCheckField: 'Account_Name',
			commonFields: ['Account_Name', 'Phone', 'Website', 'Owner'],
		},
		pipelinePlacement: false,
		relatedLists: ['Contacts', 'Pipelines', 'Products', 'Tasks', 'Events', 'Calls', 'Notes'],
		productLinks: true,
	},
	{
		apiName: 'Pipelines',
		label: { singular: 'Pipeline Record', plural: 'Pipelines' },
		events: SUBSCRIPTION_OPERATIONS,
		record: {
			nameField: 'Deal_Name',
			duplicateCheckField: 'Deal_Name',
			commonFields: [
				'Deal_Name',
				'Pipeline',
				'Sub_Pipeline',
				'Stage',
				'Amount',
				'Closing_Date',
				'Account_Name',
				'Contact_Name',
				'Owner',
			],
			unlistableFields: ['Associated_Products', 'Secondary_Contacts'],
		},
		pipelinePlacement: true,
		relatedLists: ['Products', 'Tasks', 'Events', 'Calls', 'Notes'],
		productLinks: true,
	},
	{
		apiName: 'Products',
		label: { singular: 'Product', plural: 'Products' },
		events: SUBSCRIPTION_OPERATIONS,
		record: {
			nameField: 'Product_Name',
			duplicateCheckField: 'Product_Name',
			commonFields: ['Product_Name', 'Product_Code', 'Unit_Price', 'Product_Active', 'Owner'],
		},
		pipelinePlacement: false,
		relatedLists: ['Contacts', 'Accounts', 'Pipelines', 'Notes'],
	},
	{
		apiName: 'Tasks',
		label: { singular: 'Task', plural: 'Tasks' },
		events: SUBSCRIPTION_OPERATIONS,
		record: {
			nameField: 'Subject',
			duplicateCheckField: 'Subject',
			commonFields: ['Subject', 'Due_Date', 'Status', 'Priority', 'Related_To', 'Owner'],
		},
		pipelinePlacement: false,
		parent: ACTIVITY_PARENT,
		relatedLists: ['Notes'],
	},
	{
		apiName: 'Events',
		label: { singular: 'Event', plural: 'Events' },
		events: SUBSCRIPTION_OPERATIONS,
		record: {
			nameField: 'Event_Title',
			duplicateCheckField: 'Event_Title',
			commonFields: [
				'Event_Title',
				'Start_DateTime',
				'End_DateTime',
				'Venue',
				'Related_To',
				'Owner',
			],
			unlistableFields: ['Participants'],
		},
		pipelinePlacement: false,
		parent: ACTIVITY_PARENT,
		relatedLists: ['Notes'],
	},
	{
		apiName: 'Calls',
		label: { singular: 'Call', plural: 'Calls' },
		events: SUBSCRIPTION_OPERATIONS,
		record: {
			nameField: 'Subject',
			duplicateCheckField: 'Subject',
			commonFields: [
				'Subject',
				'Call_Type',
				'Call_Start_Time',
				'Call_Duration',
				'Related_To',
				'Owner',
			],
			unlistableFields: ['Call_Status', 'CTI_Entry'],
		},
		pipelinePlacement: false,
		parent: ACTIVITY_PARENT,
		relatedLists: ['Notes'],
	},
	{
		apiName: 'Notes',
		label: { singular: 'Note', plural: 'Notes' },
		events: [],
		record: {
			nameField: 'Note_Title',
			duplicateCheckField: 'Note_Title',
			commonFields: ['Note_Title', 'Note_Content', 'Parent_Id', 'Owner'],
		},
		pipelinePlacement: false,
		parent: {
			idField: 'Parent_Id',
			idFieldLabel: 'Parent ID',
			moduleLabel: 'Parent Module',
			moduleField: '$se_module',
		},
	},
];

/** The module the editor starts with. */
export const DEFAULT_MODULE = 'Contacts';

/** The module with this API name, or undefined for one the table does not hold. */
export function findModule(
	apiName: string,
	table: ModuleTable = BIGIN_MODULES,
): BiginModule | undefined {
	return table.find((module) => module.apiName === apiName);
}

export function moduleNames(modules: readonly BiginModule[]): string[] {
	return modules.map((module) => module.apiName);
}

/** Why the record operations cannot work with a module, or undefined when they can. */
export function recordModuleProblem(
	apiName: string,
	table: ModuleTable = BIGIN_MODULES,
): string | undefined {
	if (findModule(apiName, table)) return undefined;
	return `"${apiName}" is not a module the node works with. Use one of: ${moduleNames(table).join(', ')}`;
}

/**
 * The names a read may give in `fields` when the user chose none: the module's fields less those
 * Bigin refuses in list and record reads.
 */
export function listableFieldNames(
	apiName: string,
	fieldNames: readonly string[],
	table: ModuleTable = BIGIN_MODULES,
): string[] {
	const unlistable = findModule(apiName, table)?.record.unlistableFields ?? [];
	return fieldNames.filter((name) => !unlistable.includes(name));
}

/** The modules Bigin sends notifications for. */
export function watchableModules(table: ModuleTable = BIGIN_MODULES): BiginModule[] {
	return table.filter((module) => module.events.length > 0);
}

export function modulesWithPlacement(table: ModuleTable = BIGIN_MODULES): BiginModule[] {
	return table.filter((module) => module.pipelinePlacement);
}

export function modulesWithParent(table: ModuleTable = BIGIN_MODULES): BiginModule[] {
	return table.filter((module) => module.parent !== undefined);
}

export function modulesWithRelatedLists(table: ModuleTable = BIGIN_MODULES): BiginModule[] {
	return table.filter((module) => (module.relatedLists ?? []).length > 0);
}

export function modulesWithProductLinks(table: ModuleTable = BIGIN_MODULES): BiginModule[] {
	return table.filter((module) => module.productLinks === true);
}

/** The modules a record of `module` may hang off, in table order. */
export function parentModuleNames(
	module: BiginModule,
	table: ModuleTable = BIGIN_MODULES,
): string[] {
	return (
		module.parent?.parentModules?.slice() ??
		moduleNames(table.filter((candidate) => candidate !== module))
	);
}

/**
 * The name the editor lists a module by: its plural, followed by its API name where the two
 * differ, since workflows and Bigin's API docs use the API name ("Companies (Accounts)").
 */
export function moduleDisplayName(module: BiginModule): string {
	const { plural } = module.label;
	return plural === module.apiName ? plural : `${plural} (${module.apiName})`;
}

/** "Companies are the Accounts module in Bigin.", for every module the UI calls otherwise. */
export function renamedModulesNote(table: ModuleTable = BIGIN_MODULES): string {
	const renamed = table.filter((module) => module.label.plural !== module.apiName);
	return renamed
		.map((module) => `${module.label.plural} are the ${module.apiName} module in Bigin.`)
		.join(' ');
}

/** "a, b or c", as a sentence lists things. */
function listInProse(words: readonly string[], conjunction: 'and' | 'or'): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** One record of each module in prose: "contact, company, pipeline record, … or note". */
export function recordKindsInProse(table: ModuleTable = BIGIN_MODULES): string {
	return listInProse(
		table.map((module) => module.label.singular.toLowerCase()),
		'or',
	);
}
