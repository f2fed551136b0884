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
});
