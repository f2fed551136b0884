import { MODULE_FIELDS, layoutFields } from './fields';
import { fieldMetadata, moduleFieldsMetadata } from './fieldMetadata';
import { ORG_MODULES, moduleMetadata, standardLayoutId } from './modules';
import { TEAM_PIPELINES } from './pipelines';
import type { TeamPipeline } from './pipelines';
import { RECORD_MODULES } from './seed';
import type { SimulatorState } from './state';
import type { JsonObject } from './types';
import { ApiError, errorEntry } from './types';
import { SIM_USER } from './users';

type Answer = { status: number; body: JsonObject };

function moduleParam(query: Record<string, string>): string {
	if (!query.module) {
		throw new ApiError(
			400,
			errorEntry('REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', {
				param: 'module',
			}),
		);
	}
	if (!RECORD_MODULES.includes(query.module)) {
		throw new ApiError(
			400,
			errorEntry('INVALID_MODULE', 'the module name given seems to be invalid', {
				param: 'module',
			}),
		);
	}
	return query.module;
}

/**
 * GET settings/modules: the org's modules as recorded, Social (no API), Associated Products (a
 * subform), Notes and Attachments included.
 */
export function listModules(state: SimulatorState): Answer {
	const modifiedBy = { name: SIM_USER.name, id: SIM_USER.id };
	return {
		status: 200,
		body: {
			modules: ORG_MODULES.map((module) =>
				moduleMetadata(module, modifiedBy, state.orgCreatedTime),
			),
		},
	};
}

/** GET settings/fields?module=X: the module's layout fields, custom ones included. */
export function listFields(_state: SimulatorState, query: Record<string, string>): Answer {
	return { status: 200, body: { fields: moduleFieldsMetadata(moduleParam(query)) } };
}

function sectionFields(module: string, pipeline?: TeamPipeline): JsonObject[] {
	return layoutFields(module).map((field) => {
		const metadata = fieldMetadata(module, field, MODULE_FIELDS[module].indexOf(field));
		if (!pipeline || (field.api_name !== 'Sub_Pipeline' && field.api_name !== 'Stage'))
			return metadata;
		const stages = [...new Set(pipeline.subPipelines.flatMap((sub) => sub.stages))];
		const values =
			field.api_name === 'Stage'
				? stages.map((stage, sequence) => ({
						display_value: stage,
						actual_value: stage,
						sequence_number: sequence + 1,
					}))
				: pipeline.subPipelines.map((sub, sequence) => ({
						display_value: sub.name,
						actual_value: sub.name,
						reference_value: sub.name,
						sequence_number: sequence + 1,
						maps: [
							{
								api_name: 'Stage',
								pick_list_values: sub.stages.map((stage) => ({
									display_value: stage,
									actual_value: stage,
								})),
							},
						],
					}));
		return { ...metadata, required: field.mandatory === true, pick_list_values: values };
	});
}

function layout(module: string, id: string, name: string, pipeline?: TeamPipeline): JsonObject {
	return {
		id,
		name,
		display_label: name,
		api_name: name.replace(/\s+/g, '_'),
		status: 'active',
		visible: true,
		generated_type: pipeline && pipeline !== TEAM_PIPELINES[0] ? 'custom' : 'default',
		sections: [
			{
				id: `${id.slice(0, -1)}7`,
				name: `${module} Information`,
				display_label: `${module} Information`,
				api_name: `${module}_Information`,
				sequence_number: 1,
				fields: sectionFields(module, pipeline),
			},
		],
	};
}

/**
 * GET settings/layouts?module=X. For Pipelines, each layout is a Team Pipeline: its section's
 * `Sub_Pipeline` picklist lists the sub-pipelines, each mapping (`maps`) to the `Stage` values it
 * allows, and `Stage` lists all of that Team Pipeline's stages. Other modules have one layout.
 */
export function listLayouts(_state: SimulatorState, query: Record<string, string>): Answer {
	const module = moduleParam(query);
	const layouts =
		module === 'Pipelines'
			? TEAM_PIPELINES.map((pipeline) => layout(module, pipeline.id, pipeline.name, pipeline))
			: [layout(module, standardLayoutId(module), 'Standard')];
	return { status: 200, body: { layouts } };
}
