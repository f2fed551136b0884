import type { IDataObject } from 'n8n-workflow';

import { simulatorCredentials } from '../../../../../tools/contexts/nodeHarness';
import { recordParameters, useBiginNode } from '../../../../support/actionHarness';

describe('Bigin node, Record: Query, against the simulator', () => {
	const bigin = useBiginNode();

	const query = (text: string, extra: IDataObject = {}) =>
		recordParameters('query', { query: text, returnAll: false, limit: 50, ...extra });
	const sentQueries = () =>
		bigin.recorder.requests.map((request) => (request.body as IDataObject).select_query);

	it('outputs one item per row, with the fields the query selects', async () => {
		const output = await bigin.run(
			query(
				'select Last_Name, Loyalty_Points from Contacts where Loyalty_Points >= 300 order by Loyalty_Points desc',
			),
		);
		expect(output.map((item) => item.json)).toEqual([
			{ id: expect.any(String), Last_Name: 'Lopez', Loyalty_Points: 1200 },
			{ id: expect.any(String), Last_Name: 'Sato', Loyalty_Points: 300 },
		]);
		expect(bigin.calls()).toEqual(['POST /coql']);
		expect(sentQueries()).toEqual([
			'select Last_Name, Loyalty_Points from Contacts where Loyalty_Points >= 300 order by Loyalty_Points desc limit 50 offset 0',
		]);
	});

	it('pages 200 rows a call up to the limit', async () => {
		await bigin.client.control('POST', 'records/Contacts/bulk', { count: 450 });
		const output = await bigin.run(query('select Last_Name from Contacts', { limit: 420 }));
		expect(output).toHaveLength(420);
		expect(new Set(output.map((item) => item.json.id)).size).toBe(420);
		expect(sentQueries().map((text) => String(text).replace(/^.* limit/, 'limit'))).toEqual([
			'limit 200 offset 0',
			'limit 200 offset 200',
			'limit 20 offset 400',
		]);
	});

	it('returns all rows, and an empty result where Bigin answers 204', async () => {
		await bigin.client.control('POST', 'records/Contacts/bulk', { count: 250 });
		const all = await bigin.run(query('select Last_Name from Contacts', { returnAll: true }));
		expect(all).toHaveLength(253);
		expect(bigin.calls()).toEqual(['POST /coql', 'POST /coql']);
		expect(
			await bigin.run(query("select Last_Name from Contacts where Last_Name = 'Nobody'")),
		).toEqual([]);
	});

	it('stops Return All at the 10,000th record, the furthest Bigin reaches, and says so', async () => {
		await bigin.client.control('POST', 'records/Contacts/bulk', { count: 10_050 });
		const output = await bigin.run(query('select Last_Name from Contacts', { returnAll: true }));
		expect(output).toHaveLength(10_000);
		expect(bigin.calls()).toHaveLength(50);
		expect(sentQueries()[49]).toMatch(/limit 200 offset 9800$/);
		expect(bigin.hints).toEqual([
			expect.objectContaining({
				type: 'warning',
				message: expect.stringContaining('More than 10,000 records match'),
			}),
		]);
	}, 30_000);

	it.each([
		['an empty query', '  ', 'The query is empty'],
		['anything but a select', 'delete from Contacts', 'Bigin runs only select queries'],
		['its own LIMIT', 'select Last_Name from Contacts limit 5', 'Leave LIMIT and OFFSET out'],
	])('refuses %s before calling Bigin', async (_label, text, message) => {
		await expect(bigin.run(query(text))).rejects.toThrow(message);
		expect(bigin.calls()).toEqual([]);
	});

	it("lets LIMIT appear inside the query's text values", async () => {
		const output = await bigin.run(
			query("select Last_Name from Contacts where Title = 'limit 5 offset 2'"),
		);
		expect(output).toEqual([]);
		expect(bigin.calls()).toEqual(['POST /coql']);
	});

	it("names Bigin's message and where it stopped reading the query", async () => {
		await expect(bigin.run(query('select Last_Name Contacts'))).rejects.toThrow(
			'Bigin error SYNTAX_ERROR: error occurred while parsing the query (at line 1, column 18, near "Contacts")',
		);
		await expect(bigin.run(query('select Nickname from Contacts'))).rejects.toThrow(
			'Bigin error INVALID_QUERY: Invalid query formed (field: Nickname)',
		);
	});

	it('names the scope Bigin wants where the credential lacks ZohoBigin.coql.READ', async () => {
		bigin.credentials = await simulatorCredentials(bigin.sim, 'ZohoBigin.modules.ALL');
		await expect(bigin.run(query('select Last_Name from Contacts'))).rejects.toThrow(
			'OAUTH_SCOPE_MISMATCH',
		);
	});

	it('gives each input item its own query and rows', async () => {
		const output = await bigin.run(
			(itemIndex) =>
				query(`select Last_Name from Contacts where Last_Name = '${['Lopez', 'Sato'][itemIndex]}'`),
			{ input: [{ json: {} }, { json: {} }] },
		);
		expect(output.map((item) => [item.json.Last_Name, item.pairedItem])).toEqual([
			['Lopez', { item: 0 }],
			['Sato', { item: 1 }],
		]);
	});
});
