import type { IDataObject } from 'n8n-workflow';

import { recordParameters, useBiginNode } from '../../../../support/actionHarness';

describe('Bigin node, Record: Get Many, against the simulator', () => {
	const bigin = useBiginNode();

	const getMany = (extra: IDataObject = {}) =>
		recordParameters('getAll', { returnAll: false, limit: 50, options: {}, ...extra });

	it("asks for the module's fields from settings/fields when none are chosen, and stops at the limit", async () => {
		const output = await bigin.run(getMany({ limit: 2 }));
		expect(output).toHaveLength(2);
		expect(output[0].json).toHaveProperty('Last_Name');
		expect(output[0].json).toHaveProperty('Customer_Tier');
		expect(bigin.calls()).toEqual(['GET /settings/fields', 'GET /Contacts']);
		expect(bigin.recorder.requests[1].qs).toMatchObject({ per_page: 2, page: 1 });
	});

	it('returns the chosen fields, sorted', async () => {
		const output = await bigin.run(
			getMany({ options: { fields: ['Last_Name'], sortBy: 'Created_Time', sortOrder: 'desc' } }),
		);
		expect(output.length).toBeGreaterThan(1);
		expect(Object.keys(output[0].json).sort()).toEqual(['Last_Name', 'id']);
		expect(bigin.recorder.requests[0].qs).toMatchObject({
			fields: 'Last_Name',
			sort_by: 'Created_Time',
			sort_order: 'desc',
		});
	});

	it('pages by page number, then by page_token past the first 2,000 records', async () => {
		await bigin.client.control('POST', 'records/Contacts/bulk', { count: 2300 });
		const total = (await bigin.records('Contacts')).length;
		const output = await bigin.run(
			getMany({ returnAll: true, options: { fields: ['Last_Name'] } }),
		);
		expect(output).toHaveLength(total);
		expect(new Set(output.map((item) => item.json.id)).size).toBe(total);
		const queries = bigin.recorder.requests.map((request) => request.qs as IDataObject);
		expect(queries.slice(0, 10).map((qs) => qs.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(
			queries.slice(10).every((qs) => typeof qs.page_token === 'string' && !('page' in qs)),
		).toBe(true);
		expect(queries).toHaveLength(Math.ceil(total / 200));
	});

	it('returns nothing for an empty module (Bigin answers 204)', async () => {
		for (const record of await bigin.records('Products')) {
			await bigin.client.control('DELETE', `records/Products/${String(record.id)}`);
		}
		expect(await bigin.run(getMany({ module: 'Products', returnAll: true }))).toEqual([]);
	});

	it('lists the newest records first, as Bigin does without a sort; Sort Order alone sorts by ID', async () => {
		const newest = await bigin.seed('Contacts', { Last_Name: 'Newest' });
		const [first] = await bigin.run(getMany({ limit: 1, options: { fields: ['Last_Name'] } }));
		expect(first.json.id).toBe(newest);
		expect(bigin.recorder.requests[0].qs).not.toHaveProperty('sort_by');
		const [oldest] = await bigin.run(
			getMany({ limit: 1, options: { fields: ['Last_Name'], sortOrder: 'asc' } }),
		);
		expect(oldest.json.id).not.toBe(newest);
		expect(bigin.recorder.requests[1].qs).toMatchObject({ sort_by: 'id', sort_order: 'asc' });
	});

	describe('with an Owner, through a search on Owner (Bigin lists cannot filter)', () => {
		const PRIYA = '6756839000000311017';

		it("lists only that user's records, with the chosen fields", async () => {
			const mine = [
				await bigin.seed('Contacts', { Last_Name: 'Owned A', Owner: { id: PRIYA } }),
				await bigin.seed('Contacts', { Last_Name: 'Owned B', Owner: { id: PRIYA } }),
			];
			const output = await bigin.run(
				getMany({ returnAll: true, options: { owner: PRIYA, fields: ['Last_Name'] } }),
			);
			expect(output.map((item) => item.json.id).sort()).toEqual(mine.sort());
			expect(Object.keys(output[0].json).sort()).toEqual(['Last_Name', 'id']);
			expect(bigin.calls()).toEqual(['GET /Contacts/search']);
			expect(bigin.recorder.requests[0].qs).toMatchObject({
				criteria: `(Owner:equals:${PRIYA})`,
			});
		});

		it.each([
			[{ owner: 'Priya' }, 'Owner "Priya" is not a Bigin user ID'],
			[{ owner: PRIYA, sortBy: 'Created_Time' }, 'Sort By and Sort Order do not go with Owner'],
		])('refuses %p before calling Bigin', async (options, message) => {
			await expect(bigin.run(getMany({ options }))).rejects.toThrow(message);
			expect(bigin.calls()).toEqual([]);
		});
	});

	it('refuses more than 50 fields before calling Bigin', async () => {
		const fields = Array.from({ length: 51 }, (_, index) => `Field_${index}`);
		await expect(bigin.run(getMany({ options: { fields } }))).rejects.toThrow(
			'51 fields chosen: Bigin returns at most 50 at once',
		);
		expect(bigin.calls()).toEqual([]);
	});

	it('retries a 429 in the middle of paging', async () => {
		await bigin.client.control('POST', 'records/Contacts/bulk', { count: 250 });
		await bigin.client.control('POST', 'faults', {
			path: '/bigin/v2/Contacts',
			kind: 429,
			count: 1,
		});
		const output = await bigin.run(
			getMany({ returnAll: true, options: { fields: ['Last_Name'] } }),
		);
		expect(output.length).toBeGreaterThan(250);
	});

	describe("with Filters, through Bigin's Query API", () => {
		const filtered = (filter: IDataObject[], extra: IDataObject = {}) =>
			getMany({ filters: { filter }, ...extra });
		const sentQueries = () =>
			bigin.recorder.requests
				.filter((request) => String(request.url).endsWith('/coql'))
				.map((request) => (request.body as IDataObject).select_query);

		beforeEach(async () => {
			await bigin.client.control('POST', 'records/Contacts', {
				data: [
					{ Last_Name: 'Alpha', Loyalty_Points: 10 },
					{ Last_Name: 'Beta', Loyalty_Points: 20, Customer_Tier: 'Gold' },
					{ Last_Name: 'Gamma', Loyalty_Points: 30 },
				],
			});
		});

		it('reads the records in a range of numbers, with the fields chosen and the order asked for', async () => {
			const output = await bigin.run(
				filtered([{ field: 'Loyalty_Points', comparator: 'between', value: '15, 300' }], {
					options: {
						fields: ['Last_Name', 'Loyalty_Points'],
						sortBy: 'Created_Time',
						sortOrder: 'desc',
					},
				}),
			);
			expect(output.map((item) => item.json.Last_Name).sort()).toEqual(['Beta', 'Gamma', 'Sato']);
			expect(Object.keys(output[0].json).sort()).toEqual(['Last_Name', 'Loyalty_Points', 'id']);
			expect(bigin.calls()).toEqual(['GET /settings/fields', 'POST /coql']);
			expect(sentQueries()).toEqual([
				'select Last_Name, Loyalty_Points from Contacts where Loyalty_Points between 15 and 300 order by Created_Time desc limit 50 offset 0',
			]);
		});

		it('reads what search cannot express: empty fields, none of some values, any filter matching', async () => {
			const names = async (filter: IDataObject[], options: IDataObject = {}) =>
				(await bigin.run(filtered(filter, { options }))).map((item) => item.json.Last_Name);
			expect(
				await names([
					{ field: 'Customer_Tier', comparator: 'is_empty' },
					{ field: 'Last_Name', comparator: 'not_in', value: 'Okafor, Alpha' },
				]),
			).toEqual(['Gamma']);
			expect(
				await names(
					[
						{ field: 'Loyalty_Points', comparator: 'less_than', value: '15' },
						{ field: 'Customer_Tier', comparator: 'equals', value: 'Silver' },
					],
					{ combineFilters: 'or' },
				),
			).toEqual(['Sato', 'Alpha']);
		});

		it('reads every field a query can select when none are chosen, and Simplify still applies', async () => {
			const [record] = await bigin.run(
				filtered([{ field: 'Last_Name', comparator: 'equals', value: 'Beta' }], {
					simplify: true,
				}),
			);
			expect(record.json).toMatchObject({ id: expect.any(String), Last_Name: 'Beta' });
			expect(record.json).not.toHaveProperty('Loyalty_Points');
			expect(sentQueries()[0]).toMatch(
				/^select Owner, .*\bDescription\b.*\bCustomer_Tier, Loyalty_Points, Interests from Contacts /,
			);
		});

		it('refuses a filter on a field Bigin cannot compare in a query, before querying', async () => {
			await expect(
				bigin.run(filtered([{ field: 'Description', comparator: 'contains', value: 'x' }])),
			).rejects.toThrow(
				"Filter 1: Description (textarea field) cannot be used in a filter, because Bigin's Query API does not compare it",
			);
			expect(bigin.calls()).toEqual(['GET /settings/fields']);
		});

		it('refuses a Limit past the 10,000 records a query reaches, before any call', async () => {
			await expect(
				bigin.run(
					filtered([{ field: 'Last_Name', comparator: 'is_not_empty' }], { limit: 20_000 }),
				),
			).rejects.toThrow("Bigin's Query API reaches at most 10000 records");
			expect(bigin.calls()).toEqual([]);
		});

		it('refuses an Owner beside Filters, before any call, and says to filter on Owner instead', async () => {
			await expect(
				bigin.run(
					filtered([{ field: 'Last_Name', comparator: 'is_not_empty' }], {
						options: { owner: '6756839000000311017' },
					}),
				),
			).rejects.toThrow('Owner does not go with Filters: add the owner as a filter instead');
			expect(bigin.calls()).toEqual([]);
		});

		it('returns all matching records, 200 a call', async () => {
			await bigin.client.control('POST', 'records/Contacts/bulk', { count: 300 });
			const output = await bigin.run(
				filtered([{ field: 'Last_Name', comparator: 'starts_with', value: 'Bulk ' }], {
					returnAll: true,
					options: { fields: ['Last_Name'] },
				}),
			);
			expect(output).toHaveLength(300);
			expect(sentQueries().map((text) => String(text).replace(/^.* limit/, 'limit'))).toEqual([
				'limit 200 offset 0',
				'limit 200 offset 200',
			]);
		});
	});
});
