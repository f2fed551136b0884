import type { IDataObject } from 'n8n-workflow';

import type { BiginField, BiginLayout, BiginPicklistValue } from '../transport/metadata';

/** A Team Pipeline (a layout of the Pipelines module), its sub-pipelines and their stages. */
export interface TeamPipeline {
	id: string;
	name: string;
	subPipelines: Array<{ name: string; stages: string[] }>;
}

const valueOf = (value: IDataObject): string =>
	String(value.actual_value ?? value.display_value ?? value.name ?? '');

/**
 * The stages a sub-pipeline allows. Zoho ties them to the picklist value through `maps`, either
 * as the dependent field (`{ api_name: 'Stage', pick_list_values: [...] }`) or as the stages
 * themselves, as its pipeline settings list them: both are read.
 */
function stagesOf(subPipeline: BiginPicklistValue): string[] {
	const maps = subPipeline.maps ?? [];
	const stageField = maps.find((map) => map.api_name === 'Stage');
	const values = stageField
		? ((stageField.pick_list_values as IDataObject[] | undefined) ?? [])
		: maps.filter((map) => map.api_name === undefined);
	return values.map(valueOf).filter((stage) => stage !== '');
}

function fieldOf(layout: BiginLayout, apiName: string): BiginField | undefined {
	return (layout.sections ?? [])
		.flatMap((section) => section.fields ?? [])
		.find((field) => field.api_name === apiName);
}

/** Every Team Pipeline of the org with the sub-pipelines and stages its layout allows. */
export function teamPipelinesFromLayouts(layouts: BiginLayout[]): TeamPipeline[] {
	return layouts.map((layout) => ({
		id: String(layout.id),
		name: String(layout.display_label ?? layout.name),
		subPipelines: (fieldOf(layout, 'Sub_Pipeline')?.pick_list_values ?? []).map((value) => ({
			name: valueOf(value),
			stages: stagesOf(value),
		})),
	}));
}

/** A record's place in the pipelines: all three given, or none. */
export interface PipelinePlacement {
	teamPipelineId: string;
	subPipeline: string;
	stage: string;
}

/** Why the Team Pipeline, sub-pipeline and stage do not go together, or undefined when they do. */
export function placementProblem(
	pipelines: TeamPipeline[],
	placement: PipelinePlacement,
): string | undefined {
	const team = pipelines.find((pipeline) => pipeline.id === placement.teamPipelineId);
	if (!team) {
		const known = pipelines.map((pipeline) => `${pipeline.name} (${pipeline.id})`).join(', ');
		return `Bigin has no Team Pipeline with ID "${placement.teamPipelineId}". Team Pipelines: ${known || 'none'}`;
	}
	const sub = team.subPipelines.find((candidate) => candidate.name === placement.subPipeline);
	if (!sub) {
		const known = team.subPipelines.map((candidate) => candidate.name).join(', ');
		return `The Team Pipeline "${team.name}" has no sub-pipeline "${placement.subPipeline}". Its sub-pipelines: ${known || 'none'}`;
	}
	if (!sub.stages.includes(placement.stage)) {
		return `The sub-pipeline "${sub.name}" has no stage "${placement.stage}". Its stages: ${sub.stages.join(', ') || 'none'}`;
	}
	return undefined;
}

/** The fields Bigin takes for a record's place: the Team Pipeline as a lookup, the rest by value. */
export function placementFields(placement: PipelinePlacement): IDataObject {
	return {
		Pipeline: { id: placement.teamPipelineId },
		Sub_Pipeline: placement.subPipeline,
		Stage: placement.stage,
	};
}

/** Fields the pipeline parameters write, so the field mapper leaves them out. */
export const PLACEMENT_FIELDS = ['Pipeline', 'Sub_Pipeline', 'Stage'];
