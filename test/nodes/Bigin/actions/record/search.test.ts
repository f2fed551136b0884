import type { IDataObject } from 'n8n-workflow';

import { recordParameters, useBiginNode } from '../../../../support/actionHarness';

describe('Bigin node, Record: Search and Count, against the simulator', () => {
	const bigin = useBiginNode();

	const search = (extra: IDataObject) =>
		recordParameters('search', { returnAll: true, combine: 'and', ...extra });
	const conditions = (...condition: IDataObject[]) => ({
		searchBy: 'criteria',
		conditions: { condition },
	});

	beforeEach(async () => {
		await bigin.seed('Contacts', { Last_Name: 'Ibarra', First_Name: 'Ana', Loyalty_Points: 150 });
		await bigin.seed('Contacts', { Last_Name: 'Ibarra', First_Name: 'Luis', Loyalty_Points: 20 });
		await bigin.seed('Contacts', { Last_Name: 'Grant (UK), Ltd', Email: 'g@example.co.uk' });
	});

	it('finds records matching all conditions, with operators fitting each field type', async () => {
		const output = await bigin.run(
			search(
				conditions(
					{ field: 'Last_Name', operator: 'equals', value: 'Ibarra' },
					{ field: 'Loyalty_Points', operator: 'greater_than', value: '100' },
				),
			),
		);
		expect(output.map((item) => item.json.First_Name)).toEqual(['Ana']);
		expect(bigin.recorder.requests[1].qs).toMatchObject({
			criteria: '((Last_Name:equals:Ibarra)and(Loyalty_Points:greater_than:100))',
		});
	});

	it('combines conditions with OR, and escapes parentheses and commas in values', async () => {
		const output = await bigin.run(
			search({
				...conditions(
					{ field: 'Last_Name', operator: 'equals', value: 'Grant (UK), Ltd' },
					{ field: 'First_Name', operator: 'starts_with', value: 'Lu' },
				),
				combine: 'or',
			}),
		);
		expect(output.map((item) => item.json.Last_Name).sort()).toEqual(['Grant (UK), Ltd', 'Ibarra']);
	});

	it.each([
		['email', 'g@example.co.uk', ['Grant (UK), Ltd']],
		['word', 'Luis', ['Ibarra']],
	])('searches by %s', async (searchBy, term, names) => {
		const output = await bigin.run(search({ searchBy, term }));
		expect(output.map((item) => item.json.Last_Name)).toEqual(names);
		expect(bigin.recorder.requests[0].qs).toMatchObject({ [searchBy]: term });
	});

	it('returns nothing when nothing matches (Bigin answers 204)', async () => {
		expect(await bigin.run(search({ searchBy: 'email', term: 'nobody@example.com' }))).toEqual([]);
	});

	it('pages through more matches than one page holds, up to the limit', async () => {
		await bigin.client.control('POST', 'records/Contacts/bulk', { count: 450 });
		const output = await bigin.run(
			search({
				...conditions({ field: 'Last_Name', operator: 'starts_with', value: 'Bulk' }),
				returnAll: false,
				limit: 420,
			}),
		);
		expect(output).toHaveLength(420);
		expect(
			bigin.recorder.requests.slice(1).map((request) => (request.qs as IDataObject).page),
		).toEqual([1, 2, 3]);
	});

	describe("stops at Bigin's 2,000 search results, and says so when more match", () => {
		const bulkSearch = (extra: IDataObject = {}) =>
			search({
				...conditions({ field: 'Last_Name', operator: 'starts_with', value: 'Bulk' }),
				...extra,
			});

		beforeEach(async () => {
			await bigin.client.control('POST', 'records/Contacts/bulk', { count: 2100 });
		});

		it('fails, naming how many match, instead of returning 2,000 of them silently', async () => {
			await expect(bigin.run(bulkSearch())).rejects.toThrow(
				"2,100 Contacts records match, and Bigin's search returns only the first 2,000: narrow the search",
			);
			const pages = bigin.recorder.requests
				.filter((request) => String(request.url).endsWith('/Contacts/search'))
				.map((request) => (request.qs as IDataObject).page);
			expect(pages).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
			expect(bigin.calls().at(-1)).toBe('GET /Contacts/actions/count');
		});

		it('returns the first 2,000 with a notice in the output when asked to', async () => {
			const output = await bigin.run(bulkSearch({ options: { overSearchLimit: 'firstResults' } }));
			expect(output).toHaveLength(2000);
			expect(bigin.hints).toEqual([
				{
					message: expect.stringContaining(
						"2,100 Contacts records match, and Bigin's search returns only the first 2,000",
					),
					location: 'outputPane',
				},
			]);
		});

		it('spends no count call when the limit is reached first', async () => {
			const output = await bigin.run(bulkSearch({ returnAll: false, limit: 300 }));
			expect(output).toHaveLength(300);
			expect(bigin.calls()).not.toContain('GET /Contacts/actions/count');
		});
	});

	it.each([
		['no conditions', conditions(), 'No conditions'],
		[
			'a condition without a value',
			conditions({ field: 'Last_Name', operator: 'equals', value: '' }),
			'has no value',
		],
		[
			'between with one value',
			conditions({ field: 'Loyalty_Points', operator: 'between', value: '5' }),
			'two values',
		],
		['an empty search term', { searchBy: 'phone', term: ' ' }, 'Search Term is empty'],
	])('refuses %s before calling Bigin', async (_label, extra, message) => {
		await expect(bigin.run(search(extra))).rejects.toThrow(message);
		expect(bigin.calls()).toEqual([]);
	});

	it("refuses an operator that does not fit the field's type, before searching", async () => {
		await expect(
			bigin.run(search(conditions({ field: 'Email', operator: 'greater_than', value: 'a' }))),
		).rejects.toThrow(
			'The operator "greater_than" does not fit Email (email field): use equals, not_equal, starts_with, in',
		);
		expect(bigin.calls()).toEqual(['GET /settings/fields']);
	});

	it('refuses a condition on a field Bigin does not search, before searching', async () => {
		await expect(
			bigin.run(search(conditions({ field: 'Record_Image', operator: 'equals', value: 'x' }))),
		).rejects.toThrow(
			"Record Image (Record_Image) cannot be searched: Bigin's search takes no conditions on it",
		);
		expect(bigin.calls()).toEqual(['GET /settings/fields']);
	});

	it('counts all records of a module, or those a search finds', async () => {
		const total = (await bigin.records('Contacts')).length;
		const [all] = await bigin.run(recordParameters('count', { searchBy: 'all' }));
		expect(all.json).toEqual({ module: 'Contacts', count: total });
		const [lopez] = await bigin.run(
			recordParameters('count', {
				combine: 'and',
				...conditions({ field: 'Last_Name', operator: 'equals', value: 'Ibarra' }),
			}),
		);
		expect(lopez.json).toEqual({ module: 'Contacts', count: 2 });
		expect(bigin.calls()).toEqual([
			'GET /Contacts/actions/count',
			'GET /settings/fields',
			'GET /Contacts/actions/count',
		]);
	});
});
