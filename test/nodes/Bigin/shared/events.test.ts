import {
	collectEvents,
	eventOptions,
	eventStringProblem,
} from '../../../../nodes/Bigin/shared/events';

describe('Bigin events', () => {
	it('offers every watchable module × create, edit, delete and all, sorted by name', () => {
		const options = eventOptions();
		expect(options).toHaveLength(28);
		const values = options.map((option) => option.value);
		for (const module of [
			'Contacts',
			'Accounts',
			'Pipelines',
			'Products',
			'Tasks',
			'Events',
			'Calls',
		]) {
			for (const operation of ['create', 'edit', 'delete', 'all'])
				expect(values).toContain(`${module}.${operation}`);
		}
		const names = options.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});

	it("shows Accounts as Companies, as Bigin's UI does", () => {
		expect(eventOptions().find((option) => option.value === 'Accounts.create')?.name).toBe(
			'Company Created',
		);
	});

	it("reads well as the node picker's trigger actions, with the values unchanged", () => {
		const byValue = Object.fromEntries(eventOptions().map((option) => [option.value, option]));
		expect(byValue['Contacts.create']).toMatchObject({
			name: 'Contact Created',
			action: 'On contact created',
		});
		expect(byValue['Pipelines.edit'].action).toBe('On pipeline record updated');
		expect(byValue['Contacts.all']).toMatchObject({
			name: 'Any Contact Change',
			action: 'On any contact change',
		});
		for (const option of eventOptions()) expect(option.action).toMatch(/^On [a-z ]+$/);
	});

	it.each([
		['Contacts.create', undefined],
		['Pipelines.all', undefined],
		['Contacts', 'write it as Module.operation'],
		['Deals.create', 'cannot watch'],
		['Notes.create', 'cannot watch'],
		['Contacts.update', 'Use one of: create, edit, delete, all'],
		['contacts.create', 'cannot watch'],
	])('judges %s', (event, problem) => {
		const found = eventStringProblem(event);
		if (problem === undefined) expect(found).toBeUndefined();
		else expect(found).toContain(problem);
	});

	it('merges picked and typed events, trimmed and without duplicates', () => {
		expect(collectEvents(['Contacts.create'], ' Tasks.edit, Contacts.create\nCalls.all ,')).toEqual(
			['Contacts.create', 'Tasks.edit', 'Calls.all'],
		);
		expect(collectEvents([], ['Events.delete'])).toEqual(['Events.delete']);
		expect(collectEvents([], undefined)).toEqual([]);
	});
});
