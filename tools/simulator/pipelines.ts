/**
 * The org's Team Pipelines. Bigin models each Team Pipeline as a layout of the Pipelines module;
 * its `Sub_Pipeline` picklist maps every sub-pipeline to the `Stage` values it allows. A Pipelines
 * record carries `Pipeline: { name, id }` (the layout), `Sub_Pipeline` and `Stage` as plain values.
 */
export interface TeamPipeline {
	id: string;
	name: string;
	subPipelines: Array<{ name: string; stages: string[] }>;
}

export const TEAM_PIPELINES: TeamPipeline[] = [
	{
		id: '6756839000000091023',
		name: 'Sales Pipeline',
		subPipelines: [
			{
				name: 'Sales Pipeline Standard',
				stages: [
					'Qualification',
					'Needs Analysis',
					'Proposal',
					'Negotiation',
					'Closed Won',
					'Closed Lost',
				],
			},
			{
				name: 'Enterprise Deals',
				stages: [
					'Discovery',
					'Solution Design',
					'Security Review',
					'Contract',
					'Closed Won',
					'Closed Lost',
				],
			},
		],
	},
	{
		id: '6756839000000091301',
		name: 'Partnerships',
		subPipelines: [
			{
				name: 'Partner Onboarding',
				stages: ['Prospect', 'Agreement Sent', 'Onboarding', 'Active Partner', 'Closed Lost'],
			},
		],
	},
	{
		id: '6756839000000091417',
		name: 'Renewals',
		subPipelines: [
			{ name: 'Renewals Standard', stages: ['Upcoming', 'Contacted', 'Renewed', 'Churned'] },
		],
	},
];

export function teamPipelineById(id: string): TeamPipeline | undefined {
	return TEAM_PIPELINES.find((pipeline) => pipeline.id === id);
}

export function teamPipelineByName(name: string): TeamPipeline | undefined {
	return TEAM_PIPELINES.find((pipeline) => pipeline.name === name);
}

/** The Team Pipeline a sub-pipeline belongs to (sub-pipeline names are unique in the org). */
export function teamPipelineOfSubPipeline(subPipeline: string): TeamPipeline | undefined {
	return TEAM_PIPELINES.find((pipeline) =>
		pipeline.subPipelines.some((candidate) => candidate.name === subPipeline),
	);
}

export const ALL_SUB_PIPELINES = TEAM_PIPELINES.flatMap((pipeline) =>
	pipeline.subPipelines.map((sub) => sub.name),
);

export const ALL_STAGES = [
	...new Set(
		TEAM_PIPELINES.flatMap((pipeline) => pipeline.subPipelines.flatMap((sub) => sub.stages)),
	),
];
