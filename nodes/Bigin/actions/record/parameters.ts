import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { WriteKind } from '../../shared/fieldTypes';
import { isWritable, recordFromMapped } from '../../shared/fieldTypes';
import type { BiginModule } from '../../shared/modules';
import { findModule, parentModuleNames, recordModuleProblem } from '../../shared/modules';
import type { PipelinePlacement } from '../../shared/pipelines';
import {
	PLACEMENT_FIELDS,
	placementFields,
	placementProblem,
	teamPipelinesFromLayouts,
} from '../../shared/pipelines';
import type { RecordLocator } from '../../shared/recordLocator';
import { recordIdFromLocator, recordIdProblem } from '../../shared/recordLocator';
import type { BiginField } from '../../transport/metadata';
import { fieldsOf, layoutsOf } from '../../transport/metadataCache';
import { refuseIfProblem, refuseItem } from '../shared/validation';

export function readModule(context: IExecuteFunctions, itemIndex: number): string {
	const module = String(context.getNodeParameter('module', itemIndex, '')).trim();
	refuseIfProblem(context, itemIndex, recordModuleProblem(module));
	return module;
}

/** The record ID a locator parameter gives (`productId` for the product to link): by ID, URL or list. */
export function readRecordId(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter = 'recordId',
): string {
	const locator = context.getNodeParameter(parameter, itemIndex, '') as RecordLocator | string;
	const recordId = recordIdFromLocator(locator);
	const problem = recordIdProblem(recordId);
	refuseIfProblem(
		context,
		itemIndex,
		problem && parameter === 'productId' ? problem.replace(/^Record/, 'Product') : problem,
	);
	return recordId;
}

export function readFieldNames(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
): string[] {
	const raw = context.getNodeParameter(parameter, itemIndex, []) as string[] | string;
	const names = (Array.isArray(raw) ? raw : String(raw).split(','))
		.map((name) => String(name).trim())
		.filter(Boolean);
	if (names.length > 50) {
		refuseItem(
			context,
			itemIndex,
			`${names.length} fields chosen: Bigin returns at most 50 at once`,
		);
	}
	return [...new Set(names)];
}

/** The Team Pipeline, sub-pipeline and stage the item names; undefined when none is given. */
function readPlacement(
	context: IExecuteFunctions,
	itemIndex: number,
	required: boolean,
): PipelinePlacement | undefined {
	const value = (name: string) => String(context.getNodeParameter(name, itemIndex, '')).trim();
	const placement = {
		teamPipelineId: value('teamPipeline'),
		subPipeline: value('subPipeline'),
		stage: value('stage'),
	};
	const given = Object.values(placement).filter(Boolean).length;
	if (given === 0 && !required) return undefined;
	if (given < 3) {
		refuseItem(
			context,
			itemIndex,
			'A pipeline record needs its Team Pipeline, Sub-Pipeline and Stage together: choose all three',
		);
	}
	return placement;
}

/** The values to write: the field mapper's, or with auto-mapping the input item's same-named fields. */
function readMappedValues(
	context: IExecuteFunctions,
	itemIndex: number,
	writable: BiginField[],
): IDataObject {
	const mode = context.getNodeParameter('columns.mappingMode', itemIndex, 'defineBelow') as string;
	if (mode !== 'autoMapInputData') {
		return (context.getNodeParameter('columns.value', itemIndex, {}) as IDataObject | null) ?? {};
	}
	const json = context.getInputData()[itemIndex]?.json ?? {};
	return Object.fromEntries(
		writable
			.filter((field) => field.api_name in json)
			.map((field) => [field.api_name, json[field.api_name]]),
	);
}

/**
 * A record that names its parent record (a note's Parent_Id, an activity's Related_To) also names
 * the parent's module, as Bigin asks.
 */
function withParentModule(
	context: IExecuteFunctions,
	itemIndex: number,
	module: BiginModule | undefined,
	record: IDataObject,
): IDataObject {
	const link = module?.parent;
	if (!module || !link || !(link.idField in record)) return record;
	const parentModule = context.getNodeParameter(
		'parentModule',
		itemIndex,
		parentModuleNames(module)[0],
	);
	return { ...record, [link.moduleField]: String(parentModule) };
}

/**
 * The record the item describes, ready for Bigin: mapped fields converted to their Bigin types
 * (fields the write cannot set left out), the parent's module for a record that hangs off
 * another and, where the module places records in pipelines, the checked Team Pipeline,
 * sub-pipeline and stage (required unless the write only edits).
 */
export async function readRecordPayload(
	context: IExecuteFunctions,
	itemIndex: number,
	module: string,
	kind: WriteKind,
): Promise<IDataObject> {
	const facts = findModule(module);
	const placement = facts?.pipelinePlacement
		? readPlacement(context, itemIndex, kind !== 'edit')
		: undefined;
	const writable = (await fieldsOf(context, module)).filter((field) => isWritable(field, kind));
	const converted = recordFromMapped(
		readMappedValues(context, itemIndex, writable),
		writable,
		context.getTimezone(),
	);
	refuseIfProblem(context, itemIndex, converted.problem);
	const record = withParentModule(context, itemIndex, facts, converted.record as IDataObject);
	if (!facts?.pipelinePlacement) return record;
	for (const name of PLACEMENT_FIELDS) delete record[name];
	if (!placement) return record;
	const pipelines = teamPipelinesFromLayouts(await layoutsOf(context, module));
	refuseIfProblem(context, itemIndex, placementProblem(pipelines, placement));
	return { ...record, ...placementFields(placement) };
}
