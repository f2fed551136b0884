import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as record from '../../../nodes/Bigin/actions/record';
import { Bigin } from '../../../nodes/Bigin/Bigin.node';
import { BiginTrigger } from '../../../nodes/Bigin/BiginTrigger.node';
import { eventOptions, eventStringProblem } from '../../../nodes/Bigin/shared/events';
import type { BiginModule, ModuleTable } from '../../../nodes/Bigin/shared/modules';
import { BIGIN_MODULES, recordModuleProblem } from '../../../nodes/Bigin/shared/modules';
import { eventsProblem } from '../../../nodes/Bigin/shared/validation';

/** A module Bigin does not have: what adding one takes is one more entry in the table. */
const QUOTES: BiginModule = {
	apiName: 'Quotes',
	label: { singular: 'Quote', plural: 'Quotes' },
	events: ['create', 'edit', 'delete', 'all'],
	record: {
		nameField: 'Subject',
		duplicateCheckField: 'Quote_Number',
		commonFields: ['Subject', 'Quote_Number', 'Valid_Till', 'Owner'],
	},
	pipelinePlacement: true,
};

const EIGHT: ModuleTable = [...BIGIN_MODULES, QUOTES];

const optionsOf = (property: INodeProperties | undefined) =>
	(property?.options ?? []) as INodePropertyOptions[];

function parameter(properties: INodeProperties[], name: string, operation: string) {
	return properties.filter(
		(property) =>
			property.name === name && property.displayOptions?.show?.operation?.includes(operation),
	);
}

describe('an eighth module is a change to the module table', () => {
	it("appears in the trigger's events, named as Bigin's UI names a record", () => {
		const options = eventOptions(EIGHT);
		expect(options).toHaveLength(32);
		expect(options).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					name: 'Quote Created',
					value: 'Quotes.create',
					action: 'On quote created',
				}),
				expect.objectContaining({ name: 'Any Quote Change', value: 'Quotes.all' }),
			]),
		);
		const triggerEvents = new BiginTrigger().description.properties.find(
			(property) => property.name === 'events',
		);
		expect(optionsOf(triggerEvents)).toEqual(eventOptions(BIGIN_MODULES));
	});

	it("appears in the record resource's module options, placement and prose", () => {
		const properties = record.description(EIGHT);
		for (const operation of ['get', 'getAll', 'search', 'count', 'create', 'update', 'upsert']) {
			const [module] = parameter(properties, 'module', operation);
			expect(optionsOf(module)).toContainEqual({ name: 'Quotes', value: 'Quotes' });
		}
		const [teamPipeline] = parameter(properties, 'teamPipeline', 'create');
		expect(teamPipeline.displayOptions?.show?.module).toEqual(['Pipelines', 'Quotes']);
		const noteParent = parameter(properties, 'parentModule', 'create').find((property) =>
			property.displayOptions?.show?.module?.includes('Notes'),
		);
		expect(optionsOf(noteParent)).toContainEqual({ name: 'Quotes', value: 'Quotes' });
		const [operation] = properties.filter((property) => property.name === 'operation');
		expect(optionsOf(operation).find((option) => option.value === 'create')?.description).toBe(
			'Create a contact, company, pipeline record, product, task, event, call, note or quote',
		);

		const node = new Bigin().description.properties;
		expect(node).toEqual(expect.arrayContaining(record.description(BIGIN_MODULES)));
		expect(JSON.stringify(node)).not.toContain('Quotes');
	});

	it('passes the checks of events and modules', () => {
		expect(eventStringProblem('Quotes.edit', EIGHT)).toBeUndefined();
		expect(eventsProblem(['Contacts.create', 'Quotes.all'], EIGHT)).toBeUndefined();
		expect(recordModuleProblem('Quotes', EIGHT)).toBeUndefined();

		expect(eventStringProblem('Quotes.edit')).toContain('which Bigin cannot watch');
		expect(recordModuleProblem('Quotes')).toContain('is not a module the node works with');
	});
});
