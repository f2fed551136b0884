import { MODULE_FIELDS, fieldMetadata, moduleFieldsMetadata } from './fields';
import { TEAM_PIPELINES } from './pipelines';
import type { TeamPipeline } from './pipelines';
import { RECORD_MODULES, SIM_USERS } from './seed';
import type { JsonObject } from './types';
import { ApiError, errorEntry } from './types';

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

/** GET settings/modules: the org's modules. */
export function listModules(): Answer {
	return {
		status: 200,
		body: {
			modules: RECORD_MODULES.map((name) => ({
				api_name: name,
				module_name: name,
				plural_label: name === 'Accounts' ? 'Companies' : name,
				api_supported: true,
			})),
		},
	};
}

/** GET settings/fields?module=X: every field of the module, custom ones included. */
export function listFields(query: Record<string, string>): Answer {
	return { status: 200, body: { fields: moduleFieldsMetadata(moduleParam(query)) } };
}

function layoutFields(module: string, pipeline?: TeamPipeline): JsonObject[] {
	return MODULE_FIELDS[module].map((field, index) => {
		const metadata = fieldMetadata(module, field, index);
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
				fields: layoutFields(module, pipeline),
			},
		],
	};
}

/**
 * GET settings/layouts?module=X. For Pipelines, each layout is a Team Pipeline: its section's
 * `Sub_Pipeline` picklist lists the sub-pipelines, each mapping (`maps`) to the `Stage` values it
 * allows, and `Stage` lists all of that Team Pipeline's stages. Other modules have one layout.
 */
export function listLayouts(query: Record<string, string>): Answer {
	const module = moduleParam(query);
	const layouts =
		module === 'Pipelines'
			? TEAM_PIPELINES.map((pipeline) => layout(module, pipeline.id, pipeline.name, pipeline))
			: [
					layout(
						module,
						`67568390000000${String(91500 + RECORD_MODULES.indexOf(module) * 10)}`,
						'Standard',
					),
				];
	return { status: 200, body: { layouts } };
}

/** GET users: the org's users, for Owner lookups. */
export function listUsers(): Answer {
	return {
		status: 200,
		body: {
			users: SIM_USERS.map((user) => ({
				id: user.id,
				full_name: user.name,
				email: user.email,
				status: 'active',
			})),
			info: { per_page: 200, count: SIM_USERS.length, page: 1, more_records: false },
		},
	};
}
