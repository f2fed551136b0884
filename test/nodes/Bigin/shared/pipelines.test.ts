import {
	placementFields,
	placementProblem,
	teamPipelinesFromLayouts,
} from '../../../../nodes/Bigin/shared/pipelines';
import type { BiginLayout } from '../../../../nodes/Bigin/transport/metadata';

const layout = (
	id: string,
	name: string,
	subs: Record<string, string[]>,
	style: 'field' | 'list',
): BiginLayout => ({
	id,
	name,
	sections: [
		{
			fields: [
				{
					api_name: 'Sub_Pipeline',
					data_type: 'picklist',
					pick_list_values: Object.entries(subs).map(([sub, stages]) => ({
						display_value: sub,
						actual_value: sub,
						maps:
							style === 'field'
								? [
										{
											api_name: 'Stage',
											pick_list_values: stages.map((stage) => ({ display_value: stage })),
										},
									]
								: stages.map((stage) => ({ display_value: stage, actual_value: stage })),
					})),
				},
			],
		},
	],
});

describe('Team Pipelines from layouts', () => {
	const pipelines = teamPipelinesFromLayouts([
		layout('1', 'Sales', { Standard: ['Qualification', 'Won'] }, 'field'),
		layout('2', 'Partners', { Onboarding: ['Prospect', 'Active'] }, 'list'),
	]);

	it('reads sub-pipelines and their stages, whichever way the maps are written', () => {
		expect(pipelines).toEqual([
			{
				id: '1',
				name: 'Sales',
				subPipelines: [{ name: 'Standard', stages: ['Qualification', 'Won'] }],
			},
			{
				id: '2',
				name: 'Partners',
				subPipelines: [{ name: 'Onboarding', stages: ['Prospect', 'Active'] }],
			},
		]);
	});

	it('accepts only combinations the org has, naming the valid choices otherwise', () => {
		expect(
			placementProblem(pipelines, {
				teamPipelineId: '2',
				subPipeline: 'Onboarding',
				stage: 'Active',
			}),
		).toBeUndefined();
		expect(
			placementProblem(pipelines, { teamPipelineId: '9', subPipeline: 'x', stage: 'y' }),
		).toContain('Team Pipelines: Sales (1), Partners (2)');
		expect(
			placementProblem(pipelines, {
				teamPipelineId: '1',
				subPipeline: 'Onboarding',
				stage: 'Active',
			}),
		).toContain('Its sub-pipelines: Standard');
		expect(
			placementProblem(pipelines, { teamPipelineId: '2', subPipeline: 'Onboarding', stage: 'Won' }),
		).toContain('Its stages: Prospect, Active');
	});

	it('writes the Team Pipeline as a lookup and the rest by value', () => {
		expect(
			placementFields({ teamPipelineId: '2', subPipeline: 'Onboarding', stage: 'Active' }),
		).toEqual({
			Pipeline: { id: '2' },
			Sub_Pipeline: 'Onboarding',
			Stage: 'Active',
		});
	});
});
