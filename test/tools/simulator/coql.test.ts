import type { SimulatorFixture } from '../../support/simulatorFixture';
import { useSimulator } from '../../support/simulatorFixture';

describe("Bigin simulator: the Query API (COQL), Bigin's documented rules and the readings of the rest", () => {
	let fixture: SimulatorFixture;
	useSimulator((f) => (fixture = f));

	const query = async (selectQuery: string, token = fixture.token) =>
		await fixture.client.request('POST', '/bigin/v2/coql', {
			token,
			body: { select_query: selectQuery },
		});
	const rows = async (selectQuery: string) => {
		const response = await query(selectQuery);
		expect(response.status).toBe(200);
		return response.body.data as Array<Record<string, unknown>>;
	};
	const names = async (where: string) =>
		(await rows(`select Last_Name from Contacts where ${where}`)).map((row) => row.Last_Name);

	async function seedContacts(): Promise<string[]> {
		const created = await fixture.client.control('POST', 'records/Contacts', {
			data: [
				{ Last_Name: 'Alpha', Loyalty_Points: 10, Customer_Tier: 'Gold', Title: "O'Brien & co" },
				{ Last_Name: 'Beta', Loyalty_Points: 20, Customer_Tier: 'Silver' },
				{ Last_Name: 'Gamma', Loyalty_Points: 30 },
			],
		});
		await fixture.client.control('DELETE', 'requests');
		return created.data.map((entry: { details: { id: string } }) => entry.details.id);
	}

	it('answers the selected fields of each record, its id always included, lookups as their id', async () => {
		const [maria] = await rows(
			"select Last_Name, Account_Name, Owner from Contacts where Last_Name = 'Lopez'",
		);
		expect(Object.keys(maria).sort()).toEqual(['Account_Name', 'Last_Name', 'Owner', 'id']);
		expect(maria.id).toMatch(/^\d+$/);
		expect(maria.Account_Name).toEqual({ id: expect.stringMatching(/^\d+$/) });
		expect(maria.Owner).toEqual({ id: expect.stringMatching(/^\d+$/) });
	});

	it('compares with every documented comparator, on the field types that take it', async () => {
		await seedContacts();
		expect(await names('Loyalty_Points > 10 and Loyalty_Points <= 30')).toEqual(['Beta', 'Gamma']);
		expect(await names('(Loyalty_Points >= 20 and Loyalty_Points < 30)')).toEqual(['Beta']);
		expect(await names('Loyalty_Points between 15 and 30')).toEqual(['Beta', 'Gamma']);
		expect(await names("Last_Name in ('alpha', 'Gamma')")).toEqual(['Alpha', 'Gamma']);
		expect(
			await names("(Last_Name not in ('Alpha', 'Gamma') and Loyalty_Points is not null)"),
		).toEqual(['Lopez', 'Sato', 'Beta']);
		expect(await names("Last_Name like 'Ga%'")).toEqual(['Gamma']);
		expect(await names("Title = 'O''Brien & co'")).toEqual(['Alpha']);
		expect(await names('(Customer_Tier is null and Loyalty_Points != 300)')).toEqual([
			'Okafor',
			'Gamma',
		]);
		expect(await names('Customer_Tier = Gold')).toEqual(['Lopez', 'Alpha']);
	});

	it('joins criteria with and/or in brackets, two to a bracket as Zoho requires', async () => {
		await seedContacts();
		expect(
			await names("((Last_Name = 'Alpha' or Last_Name = 'Beta') and Loyalty_Points > 15)"),
		).toEqual(['Beta']);
		const unpaired = await query(
			"select Last_Name from Contacts where Last_Name = 'Alpha' or Last_Name = 'Beta' or Last_Name = 'Gamma'",
		);
		expect(unpaired.status).toBe(400);
		expect(unpaired.body).toEqual({
			code: 'SYNTAX_ERROR',
			message: 'error occurred while parsing the query',
			status: 'error',
			details: { line: 1, column: 80, near: 'or' },
		});
	});

	it('orders, limits and offsets, saying whether more records match, and answers 204 for none', async () => {
		await seedContacts();
		const page = await query(
			'select Last_Name from Contacts where Loyalty_Points is not null order by Loyalty_Points desc limit 2 offset 1',
		);
		expect(page.body.data.map((row: { Last_Name: string }) => row.Last_Name)).toEqual([
			'Sato',
			'Gamma',
		]);
		expect(page.body.info).toEqual({ count: 2, more_records: true });
		const crm = await query('select Last_Name from Contacts order by Last_Name limit 1, 2');
		expect(crm.body.data.map((row: { Last_Name: string }) => row.Last_Name)).toEqual([
			'Beta',
			'Gamma',
		]);
		const none = await query("select Last_Name from Contacts where Last_Name = 'Nobody'");
		expect(none.status).toBe(204);
		expect(none.body).toBeUndefined();
	});

	it('answers at most 200 rows a call and reaches no further than the 10,000th record', async () => {
		await fixture.client.control('POST', 'records/Contacts/bulk', { count: 250 });
		const first = await query('select Last_Name from Contacts');
		expect(first.body.data).toHaveLength(200);
		expect(first.body.info.more_records).toBe(true);
		expect((await query('select Last_Name from Contacts limit 201')).body).toMatchObject({
			code: 'LIMIT_EXCEEDED',
			details: { clause: 'limit', limit: 200 },
		});
		expect((await query('select Last_Name from Contacts limit 200 offset 9800')).status).toBe(204);
		expect(
			(await query('select Last_Name from Contacts limit 200 offset 9801')).body,
		).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { clause: 'offset', limit: 10_000 } });
	});

	it("refuses unknown fields and modules, fields criteria cannot use, comparators a type does not take, and values of the wrong type, in Zoho's words", async () => {
		const refusal = async (selectQuery: string) => {
			const response = await query(selectQuery);
			expect(response.status).toBe(400);
			return response.body;
		};
		expect(await refusal('select Nickname from Contacts')).toEqual({
			code: 'INVALID_QUERY',
			message: 'Invalid query formed',
			status: 'error',
			details: { column_name: 'Nickname', reason: 'column given seems to be invalid' },
		});
		expect(await refusal('select Last_Name from Deals')).toMatchObject({
			code: 'INVALID_QUERY',
			details: { module_name: 'Deals' },
		});
		expect(
			await refusal("select Last_Name from Contacts where Description like '%a%'"),
		).toMatchObject({ code: 'INVALID_QUERY', details: { column_name: 'Description' } });
		expect(await refusal("select Last_Name from Contacts where Last_Name > 'B'")).toMatchObject({
			code: 'INVALID_QUERY',
			details: { column_name: 'Last_Name', reason: 'comparator not supported for the field' },
		});
		expect(
			await refusal("select Last_Name from Contacts where Loyalty_Points = 'many'"),
		).toMatchObject({
			code: 'INVALID_QUERY',
			details: { column_name: 'Loyalty_Points', value: 'many' },
		});
		expect(await refusal('select Last_Name, Last_Name from Contacts')).toMatchObject({
			code: 'DUPLICATE_DATA',
		});
		expect(await refusal('select Last_Name Contacts')).toMatchObject({
			code: 'SYNTAX_ERROR',
			details: { line: 1, column: 18, near: 'Contacts' },
		});
		expect(
			await fixture.client.request('POST', '/bigin/v2/coql', { token: fixture.token, body: {} }),
		).toMatchObject({ status: 400, body: { code: 'MANDATORY_NOT_FOUND' } });
	});

	it('needs ZohoBigin.coql.READ and the module read scope', async () => {
		for (const scope of [
			'ZohoBigin.modules.ALL',
			'ZohoBigin.coql.READ,ZohoBigin.modules.accounts.READ',
		]) {
			const response = await query(
				'select Last_Name from Contacts',
				await fixture.client.token(scope),
			);
			expect(response.status).toBe(401);
			expect(response.body.code).toBe('OAUTH_SCOPE_MISMATCH');
		}
		const allowed = await query(
			'select Last_Name from Contacts',
			await fixture.client.token('ZohoBigin.coql.READ,ZohoBigin.modules.contacts.READ'),
		);
		expect(allowed.status).toBe(200);
	});

	describe('readings of the limits Bigin does not state', () => {
		const ids = (count: number) =>
			Array.from({ length: count }, (_, index) => `'${6756839100000000000n + BigInt(index)}'`);

		it.each([50, 100, 200])('takes at most %i values in one in', async (limit) => {
			await fixture.client.control('POST', 'config', { coqlInValuesLimit: limit });
			expect((await query(`select id from Contacts where id in (${ids(limit)})`)).status).toBe(204);
			expect(
				(await query(`select id from Contacts where id in (${ids(limit + 1)})`)).body,
			).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { column_name: 'id', limit } });
		});

		it('caps the select list under that reading (50 fields in the reading matrix)', async () => {
			await fixture.client.control('POST', 'config', { coqlSelectFieldsLimit: 2 });
			expect((await query('select Last_Name, Email from Contacts')).status).toBe(200);
			expect((await query('select Last_Name, Email, Phone from Contacts')).body).toMatchObject({
				code: 'LIMIT_EXCEEDED',
				details: { clause: 'select', limit: 2 },
			});
		});

		it('answers an unknown URL where the org has no Query API', async () => {
			await fixture.client.control('POST', 'config', { coqlAvailable: false });
			const response = await query('select Last_Name from Contacts');
			expect(response.status).toBe(404);
			expect(response.body.code).toBe('INVALID_URL_PATTERN');
		});
	});

	it("counts a query against the concurrency limit and the slow-read delay, as Bigin's record calls", async () => {
		await fixture.client.control('POST', 'config', {
			recordConcurrencyLimit: 1,
			recordReadDelayMs: 150,
		});
		const startedAt = Date.now();
		const [first, second] = await Promise.all([
			query('select Last_Name from Contacts'),
			query('select Last_Name from Contacts'),
		]);
		expect(Date.now() - startedAt).toBeGreaterThanOrEqual(140);
		expect([first.status, second.status].sort()).toEqual([200, 429]);
		const fields = await fixture.client.request(
			'GET',
			'/bigin/v2/settings/fields?module=Contacts',
			{
				token: fixture.token,
			},
		);
		expect(fields.status).toBe(200);
	});
});
