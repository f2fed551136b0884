import type { SimulatorFixture } from '../../support/simulatorFixture';
import { useSimulator } from '../../support/simulatorFixture';

describe('Bigin simulator: list paging and sorting', () => {
	let client: SimulatorFixture['client'];
	let token: string;
	useSimulator((fixture) => ({ client, token } = fixture));

	const api = (path: string) => client.request('GET', `/bigin/v2/${path}`, { token });

	it('seeds many records at once through the control API', async () => {
		const seeded = await client.control('POST', 'records/Contacts/bulk', { count: 2500 });
		expect(seeded).toMatchObject({ created: 2500, total: 2503 });
		const refused = await client.request('POST', '/_sim/records/Contacts/bulk', {
			body: { count: 0 },
		});
		expect(refused.status).toBe(400);
	});

	it('pages with page up to the 2,000th record, then only with page_token', async () => {
		await client.control('POST', 'records/Contacts/bulk', { count: 2500 });
		const tenth = await api('Contacts?fields=Last_Name&page=10&per_page=200');
		expect(tenth.status).toBe(200);
		expect(tenth.body.info).toMatchObject({
			page: 10,
			count: 200,
			more_records: true,
			next_page_token: expect.any(String),
			page_token_expiry: expect.any(String),
		});
		const eleventh = await api('Contacts?fields=Last_Name&page=11&per_page=200');
		expect(eleventh.status).toBe(400);
		expect(eleventh.body).toMatchObject({
			code: 'LIMIT_REACHED',
			status: 'error',
			details: { param: 'page', limit: 2000 },
		});

		const ids = new Set<string>();
		let token_ = tenth.body.info.next_page_token;
		let pages = 0;
		while (token_) {
			const next = await api(`Contacts?fields=Last_Name&per_page=200&page_token=${token_}`);
			expect(next.status).toBe(200);
			for (const record of next.body.data) ids.add(record.id);
			token_ = next.body.info.next_page_token;
			pages += 1;
			if (!next.body.info.more_records) expect(token_).toBeNull();
		}
		expect(pages).toBe(3);
		expect(ids.size).toBe(503);
	});

	it('walks every record with page_token alone, from the first page', async () => {
		await client.control('POST', 'records/Accounts/bulk', { count: 450 });
		const seen: string[] = [];
		let query = 'Accounts?fields=Account_Name&per_page=200';
		for (;;) {
			const page = await api(query);
			seen.push(...page.body.data.map((record: { id: string }) => record.id));
			if (!page.body.info.more_records) break;
			query = `Accounts?fields=Account_Name&per_page=200&page_token=${page.body.info.next_page_token}`;
		}
		expect(seen).toHaveLength(452);
		expect(new Set(seen).size).toBe(452);
	});

	it('refuses page together with page_token, and unknown page tokens', async () => {
		await client.control('POST', 'records/Contacts/bulk', { count: 300 });
		const first = await api('Contacts?fields=Last_Name');
		const token_ = first.body.info.next_page_token;
		const both = await api(`Contacts?fields=Last_Name&page=2&page_token=${token_}`);
		expect(both.status).toBe(400);
		expect(both.body).toMatchObject({ code: 'INVALID_DATA', details: { param: 'page' } });
		const unknown = await api('Contacts?fields=Last_Name&page_token=nope');
		expect(unknown.body).toMatchObject({ code: 'INVALID_DATA', details: { param: 'page_token' } });
		const otherModule = await api(`Accounts?fields=Account_Name&page_token=${token_}`);
		expect(otherModule.status).toBe(400);
	});

	it('answers 204 past the last page, and refuses per_page over 200', async () => {
		expect((await api('Contacts?fields=Last_Name&page=2')).status).toBe(204);
		const tooMany = await api('Contacts?fields=Last_Name&per_page=201');
		expect(tooMany.body).toMatchObject({ code: 'INVALID_DATA', details: { param: 'per_page' } });
	});

	it('sorts by id, Created_Time or Modified_Time only', async () => {
		const [, second] = (await client.control('GET', 'records/Contacts')).data;
		await client.control('POST', 'clock', { advanceSeconds: 60 });
		await client.request('PUT', '/bigin/v2/Contacts', {
			token,
			body: { data: [{ id: second.id, Title: 'Head of Buying' }] },
		});
		const recent = await api('Contacts?fields=Title&sort_by=Modified_Time&sort_order=desc');
		expect(recent.body.data[0].id).toBe(second.id);
		const byId = await api('Contacts?fields=Title&sort_by=id&sort_order=desc');
		expect(byId.body.data.map((record: { id: string }) => record.id)).toEqual(
			[...byId.body.data.map((record: { id: string }) => record.id)].sort().reverse(),
		);
		const byName = await api('Contacts?fields=Title&sort_by=Last_Name');
		expect(byName.status).toBe(400);
		expect(byName.body).toMatchObject({ code: 'INVALID_DATA', details: { param: 'sort_by' } });
	});
});

describe('Bigin simulator: search and count', () => {
	let client: SimulatorFixture['client'];
	let token: string;
	useSimulator((fixture) => ({ client, token } = fixture));

	const search = (module: string, query: string) =>
		client.request('GET', `/bigin/v2/${module}/search?${query}`, { token });
	const names = (response: { body: { data: Array<{ Last_Name: string }> } }) =>
		response.body.data.map((record) => record.Last_Name).sort();
	const criteria = (text: string) => `criteria=${encodeURIComponent(text)}`;

	it('finds by criteria with equals, starts_with and in, case-insensitively', async () => {
		expect(names(await search('Contacts', criteria('(Last_Name:equals:lopez)')))).toEqual([
			'Lopez',
		]);
		expect(names(await search('Contacts', criteria('(First_Name:starts_with:ke)')))).toEqual([
			'Sato',
		]);
		expect(names(await search('Contacts', criteria('(Customer_Tier:in:Gold,Silver)')))).toEqual([
			'Lopez',
			'Sato',
		]);
	});

	it('combines conditions with and / or, and compares numbers and dates', async () => {
		expect(
			names(
				await search(
					'Contacts',
					criteria('((Loyalty_Points:greater_than:100)and(Customer_Tier:equals:Silver))'),
				),
			),
		).toEqual(['Sato']);
		expect(
			names(
				await search(
					'Contacts',
					criteria('((Last_Name:equals:Okafor)or(Loyalty_Points:less_equal:300))'),
				),
			),
		).toEqual(['Okafor', 'Sato']);
		const deals = await search(
			'Pipelines',
			criteria('(Closing_Date:between:2026-12-01,2026-12-31)'),
		);
		expect(deals.body.data.map((deal: { Deal_Name: string }) => deal.Deal_Name)).toEqual([
			'Zylker website refresh',
		]);
		const bigDeals = await search('Pipelines', criteria('(Amount:greater_equal:5000)'));
		expect(bigDeals.body.data).toHaveLength(1);
	});

	it('matches lookups by id or name, and multi-select values', async () => {
		const [company] = (await client.control('GET', 'records/Accounts')).data;
		expect(
			names(await search('Contacts', criteria(`(Account_Name:equals:${company.id})`))),
		).toEqual(['Lopez']);
		expect(
			names(await search('Contacts', criteria('(Account_Name:equals:Okafor Design)'))),
		).toEqual(['Okafor']);
		expect(names(await search('Contacts', criteria('(Interests:equals:Support)')))).toEqual([
			'Lopez',
		]);
	});

	it('unescapes parentheses and commas in values', async () => {
		await client.request('POST', '/bigin/v2/Contacts', {
			token,
			body: { data: [{ Last_Name: 'Smith (Jr), III' }] },
		});
		expect(
			names(await search('Contacts', criteria('(Last_Name:equals:Smith \\(Jr\\)\\, III)'))),
		).toEqual(['Smith (Jr), III']);
	});

	it('finds by email, phone and word', async () => {
		expect(names(await search('Contacts', 'email=KENJI.SATO@example.jp'))).toEqual(['Sato']);
		expect(names(await search('Contacts', `phone=${encodeURIComponent('5555 0103')}`))).toEqual([
			'Okafor',
		]);
		expect(names(await search('Contacts', 'word=founder'))).toEqual(['Okafor']);
	});

	it('answers 204 when nothing matches, and pages results', async () => {
		expect((await search('Contacts', criteria('(Last_Name:equals:Nobody)'))).status).toBe(204);
		await client.control('POST', 'records/Contacts/bulk', { count: 250 });
		const first = await search(
			'Contacts',
			`${criteria('(Last_Name:starts_with:Bulk)')}&per_page=200`,
		);
		expect(first.body.info).toMatchObject({ count: 200, page: 1, more_records: true });
		const second = await search(
			'Contacts',
			`${criteria('(Last_Name:starts_with:Bulk)')}&per_page=200&page=2`,
		);
		expect(second.body.info).toMatchObject({ count: 50, more_records: false });
	});

	it('refuses bad criteria: unknown field, operator unfit for the type, broken syntax, none given', async () => {
		const unknown = await search('Contacts', criteria('(Nope:equals:1)'));
		expect(unknown.status).toBe(400);
		expect(unknown.body).toMatchObject({ code: 'INVALID_QUERY', details: { api_name: 'Nope' } });
		const unfit = await search('Contacts', criteria('(Last_Name:greater_than:A)'));
		expect(unfit.body).toMatchObject({
			code: 'INVALID_QUERY',
			details: { api_name: 'Last_Name', operator: 'greater_than' },
		});
		expect((await search('Contacts', criteria('Last_Name:equals:Lopez'))).body.code).toBe(
			'INVALID_QUERY',
		);
		expect((await search('Contacts', '')).body.code).toBe('REQUIRED_PARAM_MISSING');
	});

	it('needs ZohoSearch.securesearch.READ besides the module scope', async () => {
		const moduleOnly = await client.token('ZohoBigin.modules.contacts.READ');
		const refused = await client.request(
			'GET',
			`/bigin/v2/Contacts/search?${criteria('(Last_Name:equals:Lopez)')}`,
			{
				token: moduleOnly,
			},
		);
		expect(refused.status).toBe(401);
		const both = await client.token('ZohoBigin.modules.contacts.READ,ZohoSearch.securesearch.READ');
		const found = await client.request(
			'GET',
			`/bigin/v2/Contacts/search?${criteria('(Last_Name:equals:Lopez)')}`,
			{
				token: both,
			},
		);
		expect(found.status).toBe(200);
	});

	it('counts records, all or matching a search', async () => {
		const all = await client.request('GET', '/bigin/v2/Contacts/actions/count', { token });
		expect(all.body).toEqual({ count: 3 });
		const some = await client.request(
			'GET',
			`/bigin/v2/Contacts/actions/count?${criteria('(Customer_Tier:in:Gold,Silver)')}`,
			{ token },
		);
		expect(some.body).toEqual({ count: 2 });
	});
});
