import type { INodeProperties } from 'n8n-workflow';

import type { BiginModule, ModuleTable } from '../../shared/modules';
import {
	DEFAULT_MODULE,
	modulesWithParent,
	modulesWithPlacement,
	modulesWithRelatedLists,
	moduleNames,
	parentModuleNames,
	renamedModulesNote,
} from '../../shared/modules';
import { RECORD_URL_PATTERN } from '../../shared/recordLocator';
import { moduleOptions } from '../shared/modules';

/** The module of the record, one of the table's (or of `modules`, where an operation needs fewer). */
export function moduleParameter(
	table: ModuleTable,
	modules: readonly BiginModule[] = table,
): INodeProperties {
	return {
		displayName: 'Module',
		name: 'module',
		type: 'options',
		options: moduleOptions(moduleNames(modules), table),
		default: DEFAULT_MODULE,
		description: ['The kind of record.', renamedModulesNote(table)].filter(Boolean).join(' '),
	};
}

/**
 * A record by ID, Bigin URL or picked from a list: the module's records (`searchRecords`), or
 * products (`searchProducts`) for the product to link.
 */
export function recordLocatorParameter(
	what: string,
	locator: { displayName: string; name: string; searchListMethod: string } = {
		displayName: 'Record',
		name: 'recordId',
		searchListMethod: 'searchRecords',
	},
): INodeProperties {
	return {
		displayName: locator.displayName,
		name: locator.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${locator.displayName.toLowerCase()} to ${what}`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: locator.searchListMethod, searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://bigin.zoho.com/bigin/org123/Home#/contacts/6756839000000575405',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: RECORD_URL_PATTERN,
							errorMessage: 'Not a Bigin record URL: open the record in Bigin and copy its address',
						},
					},
				],
				extractValue: { type: 'regex', regex: RECORD_URL_PATTERN },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: '6756839000000575405',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\d{6,25}$',
							errorMessage: 'Not a Bigin record ID: use digits only',
						},
					},
				],
			},
		],
	};
}

export const simplifyParameter: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description:
		"Whether to return only the record's ID, times and the module's common fields instead of the record as Bigin returns it",
};

export const fieldsToReturnParameter: INodeProperties = {
	displayName: 'Fields to Return',
	name: 'fields',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getFields', loadOptionsDependsOn: ['module'] },
	default: [],
	description:
		'Fields to return, at most 50. Empty returns all fields (the first 50 on lists). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/**
 * Team Pipeline, sub-pipeline and stage, each loaded from the org and limited by the one before.
 * Labelled as Bigin names them: n8n 2.x shows the label as written, and "Name or ID" (the lint
 * rule's suffix) reads as noise in a picker.
 */
export function placementParameters(table: ModuleTable, required: boolean): INodeProperties[] {
	const show = { show: { module: moduleNames(modulesWithPlacement(table)) } };
	const hint = required ? '' : ' Leave empty to keep the current one.';
	return [
		{
			displayName: 'Team Pipeline Name or ID',
			name: 'teamPipeline',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTeamPipelines', loadOptionsDependsOn: ['module'] },
			default: '',
			required,
			description: `The Team Pipeline the record belongs to.${hint} Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
			displayOptions: show,
		},
		{
			displayName: 'Sub-Pipeline Name or ID',
			name: 'subPipeline',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSubPipelines', loadOptionsDependsOn: ['teamPipeline'] },
			default: '',
			required,
			description: `One of the Team Pipeline's sub-pipelines.${hint} Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
			displayOptions: show,
		},
		{
			displayName: 'Stage Name or ID',
			name: 'stage',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getStages',
				loadOptionsDependsOn: ['teamPipeline', 'subPipeline'],
			},
			default: '',
			required,
			description: `One of the sub-pipeline's stages.${hint} Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
			displayOptions: show,
		},
	];
}

/** The field mapper; its fields come from the module's `settings/fields`. */
export function fieldMapperParameter(mode: 'add' | 'upsert'): INodeProperties {
	return {
		displayName: 'Fields',
		name: 'columns',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['module'],
			resourceMapper: {
				resourceMapperMethod: 'getMappingFields',
				mode,
				fieldWords: { singular: 'field', plural: 'fields' },
				// n8n's own line for an empty list; the reason comes under it (getMappingFields).
				noFieldsError: "Bigin's fields are not loaded.",
				// Back in the tab (a credential connected elsewhere), new fields are applied at once.
				refreshStaleSchemaOnOpen: true,
				addAllFields: false,
				multiKeyMatch: mode === 'upsert',
				supportAutoMap: true,
				matchingFieldsLabels:
					mode === 'upsert'
						? {
								title: 'Duplicate Check Fields',
								description:
									'Bigin updates the record whose values in these fields match, and creates one when none does',
								hint: 'Fields Bigin compares to find an existing record',
							}
						: undefined,
			},
		},
	};
}

/**
 * For each module whose records hang off a record of another module (a note, or a task, event or
 * call about a record), that record's module: Bigin reads it from a field of its own
 * (`$se_module`, `$related_module`), next to the record's ID.
 */
export function parentModuleParameters(table: ModuleTable): INodeProperties[] {
	return modulesWithParent(table).map((module) => {
		const parentModules = parentModuleNames(module, table);
		const firstParentModule = parentModules[0];
		return {
			displayName: module.parent?.moduleLabel ?? 'Parent Module',
			name: 'parentModule',
			type: 'options',
			options: moduleOptions(parentModules, table),
			default: firstParentModule,
			description: `The module of the record the ${module.label.singular.toLowerCase()} belongs to (the record's ID goes in ${module.parent?.idFieldLabel})`,
			displayOptions: { show: { module: [module.apiName] } },
		};
	});
}

/** For each module with related lists, the list to read: named as the module of its records. */
export function relatedListParameters(table: ModuleTable): INodeProperties[] {
	return modulesWithRelatedLists(table).map((module) => {
		const lists = module.relatedLists ?? [];
		const firstList = lists[0];
		return {
			displayName: 'Related List',
			name: 'relatedList',
			type: 'options',
			options: moduleOptions(lists, table),
			default: firstList,
			description: `The ${module.label.singular.toLowerCase()}'s related records to return`,
			displayOptions: { show: { module: [module.apiName] } },
		};
	});
}
