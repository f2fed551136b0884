import {
	COQL_MAX_IN_VALUES,
	coqlText,
	isFilterable,
	isSelectable,
	joinCriteria,
	mergeFieldGroups,
	recordQueries,
	pagedQuery,
	scopeAllowsQueries,
	userQueryProblem,
} from '../../../../nodes/Bigin/shared/coql';
import type { BiginField } from '../../../../nodes/Bigin/transport/metadata';

const ids = (count: number) =>
	Array.from({ length: count }, (_, index) => String(6756839000000575000n + BigInt(index)));
const fieldNames = (count: number) => Array.from({ length: count }, (_, index) => `Field_${index}`);

describe('COQL: reading records by id', () => {
	it(`names 100 ids in one query, as two lists of ${COQL_MAX_IN_VALUES} joined with or`, () => {
		const queries = recordQueries('Contacts', ['id', 'Last_Name', 'Email'], ids(100));
		expect(queries).toHaveLength(1);
		const [{ query, fieldGroup, ids: named }] = queries;
		expect(fieldGroup).toBe(0);
		expect(named).toEqual(ids(100));
		expect(query).toMatch(
			/^select Last_Name, Email from Contacts where \(id in \('\d+'(, '\d+'){49}\) or id in \('\d+'(, '\d+'){49}\)\) limit 100$/,
		);
	});

	it('reads one id with one list, and no brackets to spare', () => {
		expect(recordQueries('Tasks', ['Subject'], ['42'])[0].query).toBe(
			"select Subject from Tasks where id in ('42') limit 1",
		);
	});

	it('splits 120 fields into groups of at most 50 and 450 ids into calls of at most 200', () => {
		const queries = recordQueries('Contacts', fieldNames(120), ids(450));
		expect(queries.map((query) => [query.fieldGroup, query.ids.length])).toEqual([
			[0, 200],
			[0, 200],
			[0, 50],
			[1, 200],
			[1, 200],
			[1, 50],
			[2, 200],
			[2, 200],
			[2, 50],
		]);
		const selected = (query: string) => query.slice(7, query.indexOf(' from ')).split(', ');
		expect(
			queries.filter((query) => query.ids[0] === ids(1)[0]).flatMap((q) => selected(q.query)),
		).toEqual(fieldNames(120));
		expect(queries[0].query).toContain("((id in ('6756839000000575000'");
		expect(queries[0].query.match(/id in \(/g)).toHaveLength(4);
	});

	it('selects the id alone for a module whose metadata lists no selectable field', () => {
		expect(recordQueries('Calls', [], ['7'])[0].query).toBe(
			"select id from Calls where id in ('7') limit 1",
		);
	});

	it('merges the field groups by id, and counts a record one group lacks as not found', () => {
		const merged = mergeFieldGroups(2, [
			{
				fieldGroup: 0,
				rows: [
					{ id: '1', A: 'a1' },
					{ id: '2', A: 'a2' },
				],
			},
			{ fieldGroup: 1, rows: [{ id: '1', B: 'b1' }] },
		]);
		expect([...merged]).toEqual([['1', { id: '1', A: 'a1', B: 'b1' }]]);
	});
});

describe('COQL: text', () => {
	it('quotes text, doubling the quotes inside', () => {
		expect(coqlText("O'Brien")).toBe("'O''Brien'");
	});

	it('joins criteria two to a bracket, as Zoho asks', () => {
		expect(joinCriteria(['A'], 'and')).toBe('A');
		expect(joinCriteria(['A', 'B'], 'or')).toBe('(A or B)');
		expect(joinCriteria(['A', 'B', 'C'], 'and')).toBe('((A and B) and C)');
	});
});

describe('COQL: a query the user writes', () => {
	it.each([
		['select Last_Name from Contacts', undefined],
		["SELECT Title FROM Contacts WHERE Title = 'limit' order by Title", undefined],
		['', 'The query is empty'],
		['update Contacts set Title = 1', 'Bigin runs only select queries'],
		['select Last_Name from Contacts LIMIT 10', 'Leave LIMIT and OFFSET out'],
		['select Last_Name from Contacts offset 10', 'Leave LIMIT and OFFSET out'],
	])('checks %j', (query, problem) => {
		const found = userQueryProblem(query);
		if (problem === undefined) expect(found).toBeUndefined();
		else expect(found).toContain(problem);
	});

	it("adds a page's LIMIT and OFFSET, dropping a closing semicolon", () => {
		expect(pagedQuery(' select id from Tasks; ', 200, 400)).toBe(
			'select id from Tasks limit 200 offset 400',
		);
	});
});

describe('COQL: fields and scopes', () => {
	const field = (data_type: string): BiginField => ({ api_name: 'F', data_type });

	it('selects every field but images, files, multi-select lookups and subforms; filters on none that is multi-line', () => {
		expect(
			['text', 'textarea', 'lookup', 'multiselectpicklist'].map((type) =>
				isSelectable(field(type)),
			),
		).toEqual([true, true, true, true]);
		expect(
			['profileimage', 'fileupload', 'subform'].map((type) => isSelectable(field(type))),
		).toEqual([false, false, false]);
		expect(isFilterable(field('textarea'))).toBe(false);
		expect(isFilterable(field('datetime'))).toBe(true);
	});

	it.each([
		['the default scope', 'ZohoBigin.modules.ALL,ZohoBigin.coql.READ', true],
		['the whole Query API', 'ZohoBigin.coql.ALL ZohoBigin.modules.ALL', true],
		['a scope without it', 'ZohoBigin.notifications.ALL,ZohoBigin.modules.ALL', false],
		['no Scope known', undefined, true],
	])("knows whether a credential's Scope allows queries: %s", (_label, scope, expected) => {
		expect(scopeAllowsQueries(scope)).toBe(expected);
	});
});
