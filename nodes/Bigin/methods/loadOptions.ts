import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { isFilterable } from '../shared/coql';
import { COMPARATOR_LABELS, comparatorsFor } from '../shared/coqlFilters';
import {
	OPERATOR_LABELS,
	fieldLabel,
	fieldSummary,
	isSearchable,
	operatorOptions,
	operatorsFor,
} from '../shared/fieldTypes';
import { findModule } from '../shared/modules';
import { teamPipelinesFromLayouts } from '../shared/pipelines';
import type { BiginField } from '../transport/metadata';
import { fieldsOf, layoutsOf } from '../transport/metadataCache';
import { currentModule, currentText, fromBigin } from './context';
import { activeUserOptions } from './owners';

const fieldOptions = (fields: BiginField[]): INodePropertyOptions[] =>
	fields
		.map((field) => ({
			name: fieldLabel(field),
			value: field.api_name,
			description: fieldSummary(field),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));

/** The module's fields, for a list in the editor. */
async function moduleFields(context: ILoadOptionsFunctions): Promise<BiginField[]> {
	return await fromBigin(context, async () => await fieldsOf(context, currentModule(context)));
}

/** The Team Pipelines of the module the node is set to: the placement parameters show only for it. */
async function teamPipelines(context: ILoadOptionsFunctions) {
	return await fromBigin(context, async () =>
		teamPipelinesFromLayouts(await layoutsOf(context, currentModule(context))),
	);
}

async function chosenTeamPipeline(context: ILoadOptionsFunctions) {
	const id = currentText(context, 'teamPipeline');
	return (await teamPipelines(context)).find((pipeline) => pipeline.id === id);
}

export async function getFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return fieldOptions(await moduleFields(this));
}

/** The fields of the related list chosen (the records of its module) for Get Related Records. */
export async function getRelatedListFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const lists = findModule(currentModule(this))?.relatedLists ?? [];
	const chosen = currentText(this, 'relatedList');
	const list = lists.includes(chosen) ? chosen : lists[0];
	return list ? fieldOptions(await fromBigin(this, async () => await fieldsOf(this, list))) : [];
}

export async function getSearchableFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await moduleFields(this);
	return fieldOptions(fields.filter(isSearchable));
}

/** The operators that fit the type of the condition's field (all of them before one is chosen). */
export async function getOperators(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fieldName = currentText(this, '&field');
	if (fieldName === '') return operatorOptions(Object.keys(OPERATOR_LABELS));
	const fields = await moduleFields(this);
	const field = fields.find((candidate) => candidate.api_name === fieldName);
	return operatorOptions(field ? operatorsFor(field.data_type) : Object.keys(OPERATOR_LABELS));
}

/** The fields a Get Many filter can compare: those Bigin's Query API takes in criteria. */
export async function getFilterFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return fieldOptions((await moduleFields(this)).filter(isFilterable));
}

/** The comparators that fit the type of the filter's field (all of them before one is chosen). */
export async function getFilterComparators(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fieldName = currentText(this, '&field');
	const field =
		fieldName === ''
			? undefined
			: (await moduleFields(this)).find((candidate) => candidate.api_name === fieldName);
	const comparators = field ? comparatorsFor(field) : Object.keys(COMPARATOR_LABELS);
	return comparators.map((comparator) => ({
		name: COMPARATOR_LABELS[comparator],
		value: comparator,
	}));
}

export async function getTeamPipelines(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await teamPipelines(this)).map((pipeline) => ({
		name: pipeline.name,
		value: pipeline.id,
	}));
}

export async function getSubPipelines(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const team = await chosenTeamPipeline(this);
	return (team?.subPipelines ?? []).map((sub) => ({ name: sub.name, value: sub.name }));
}

export async function getStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const team = await chosenTeamPipeline(this);
	const subName = currentText(this, 'subPipeline');
	const sub = team?.subPipelines.find((candidate) => candidate.name === subName);
	return (sub?.stages ?? []).map((stage) => ({ name: stage, value: stage }));
}

/** The org's active users, for Get Many's Owner filter. */
export async function getActiveUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await activeUserOptions(this);
}
