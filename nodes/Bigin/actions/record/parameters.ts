import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isReadOnly, recordFromMapped } from '../../shared/fieldTypes';
import type { PipelinePlacement } from '../../shared/pipelines';
import { PLACEMENT_FIELDS, placementFields, placementProblem } from '../../shared/pipelines';
import type { RecordLocator } from '../../shared/recordLocator';
import { recordIdFromLocator, recordIdProblem } from '../../shared/recordLocator';
import { RECORD_MODULES, isRecordModule } from '../../shared/recordModules';
import { refuseIfProblem, refuseItem } from '../shared/validation';
import { fieldsOf, teamPipelinesOf } from './metadataCache';

export function readModule(context: IExecuteFunctions, itemIndex: number): string {
	const module = String(context.getNodeParameter('module', itemIndex, '')).trim();
	if (!isRecordModule(module)) {
		refuseItem(
			context,
			itemIndex,
			`"${module}" is not a module the node works with. Use one of: ${RECORD_MODULES.join(', ')}`,
		);
	}
	return module;
}

export function readRecordId(context: IExecuteFunctions, itemIndex: number): string {
	const locator = context.getNodeParameter('recordId', itemIndex, '') as RecordLocator | string;
	const recordId = recordIdFromLocator(locator);
	refuseIfProblem(context, itemIndex, recordIdProblem(recordId));
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

/**
 * The record the item describes, ready for Bigin: mapped fields converted to their Bigin types
 * (read-only fields left out) and, for pipeline records, the checked Team Pipeline, sub-pipeline
 * and stage.
 */
export async function readRecordPayload(
	context: IExecuteFunctions,
	itemIndex: number,
	module: string,
	placementRequired: boolean,
): Promise<IDataObject> {
	const placement =
		module === 'Pipelines' ? readPlacement(context, itemIndex, placementRequired) : undefined;
	const mode = context.getNodeParameter('columns.mappingMode', itemIndex, 'defineBelow') as string;
	const fields = await fieldsOf(context, module);
	const writable = fields.filter((field) => !isReadOnly(field));
	let mapped: IDataObject;
	if (mode === 'autoMapInputData') {
		const json = context.getInputData()[itemIndex]?.json ?? {};
		mapped = Object.fromEntries(
			writable
				.filter((field) => field.api_name in json)
				.map((field) => [field.api_name, json[field.api_name]]),
		);
	} else {
		mapped = (context.getNodeParameter('columns.value', itemIndex, {}) as IDataObject | null) ?? {};
	}
	const converted = recordFromMapped(mapped, writable, context.getTimezone());
	refuseIfProblem(context, itemIndex, converted.problem);
	const record = converted.record as IDataObject;
	if (module === 'Notes' && 'Parent_Id' in record) {
		record.$se_module = String(context.getNodeParameter('parentModule', itemIndex, 'Contacts'));
	}
	if (module !== 'Pipelines') return record;
	for (const name of PLACEMENT_FIELDS) delete record[name];
	if (!placement) return record;
	refuseIfProblem(context, itemIndex, placementProblem(await teamPipelinesOf(context), placement));
	return { ...record, ...placementFields(placement) };
}
