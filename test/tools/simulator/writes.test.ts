import type { SimulatorFixture } from '../../support/simulatorFixture';
import { useSimulator } from '../../support/simulatorFixture';

describe('Bigin simulator: record writes checked against the field metadata', () => {
	let client: SimulatorFixture['client'];
	let token: string;
	useSimulator((fixture) => ({ client, token } = fixture));

	const api = (method: string, path: string, body?: unknown) =>
		client.request(method, `/bigin/v2/${path}`, { token, body });
	const records = async (module: string) => (await client.control('GET', `records/${module}`)).data;

	it.each([
		['Loyalty_Points', 'abc', 'integer'],
		['Loyalty_Points', 1.5, 'integer'],
		['Email', 'not-an-email', 'email'],
		['Email_Opt_Out', 'yes', 'boolean'],
		['Interests', 'Design', 'multiselectpicklist'],
		['Customer_Tier', 3, 'picklist'],
		['First_Name', 'x'.repeat(41), 'text'],
	])('refuses %s = %j with INVALID_DATA expecting %s', async (field, value, expected) => {
		const created = await api('POST', 'Contacts', {
			data: [{ Last_Name: 'Typed', [field]: value }],
		});
		expect(created.status).toBe(202);
		expect(created.body.data[0]).toMatchObject({
			code: 'INVALID_DATA',
			status: 'error',
			details: { api_name: field, json_path: `$.data[0].${field}`, expected_data_type: expected },
		});
	});

	it.each([
		['Pipelines', 'Amount', 'lots', 'currency'],
		['Pipelines', 'Closing_Date', '15/12/2026', 'date'],
		['Events', 'Start_DateTime', '2026-12-03 10:00', 'datetime'],
	])('refuses %s.%s = %j expecting %s', async (module, field, value, expected) => {
		const [record] = await records(module);
		const updated = await api('PUT', module, { data: [{ id: record.id, [field]: value }] });
		expect(updated.body.data[0]).toMatchObject({
			code: 'INVALID_DATA',
			details: { api_name: field, expected_data_type: expected },
		});
	});

	it('writes custom fields of every type and reads them back', async () => {
		const created = await api('POST', 'Contacts', {
			data: [
				{
					Last_Name: 'Custom',
					Customer_Tier: 'Platinum',
					Loyalty_Points: '250',
					Interests: ['Training', 'Hardware'],
					Email_Opt_Out: true,
				},
			],
		});
		expect(created.status).toBe(201);
		const id = created.body.data[0].details.id;
		const read = await api(
			'GET',
			`Contacts/${id}?fields=Customer_Tier,Loyalty_Points,Interests,Email_Opt_Out,Full_Name`,
		);
		expect(read.body.data[0]).toEqual({
			id,
			Customer_Tier: 'Platinum',
			Loyalty_Points: 250,
			Interests: ['Training', 'Hardware'],
			Email_Opt_Out: true,
			Full_Name: 'Custom',
		});
		const [deal] = await records('Pipelines');
		expect(
			(await api('PUT', 'Pipelines', { data: [{ id: deal.id, Renewal_Date: '2027-06-30' }] }))
				.status,
		).toBe(200);
		expect((await api('GET', `Pipelines/${deal.id}`)).body.data[0].Renewal_Date).toBe('2027-06-30');
	});

	it('stores lookups written as { id } as { name, id }, and refuses unknown ids', async () => {
		const [company] = await records('Accounts');
		const created = await api('POST', 'Contacts', {
			data: [
				{ Last_Name: 'Linked', Account_Name: { id: company.id } },
				{ Last_Name: 'Dangling', Account_Name: { id: '999' } },
			],
		});
		expect(created.status).toBe(202);
		const id = created.body.data[0].details.id;
		expect((await api('GET', `Contacts/${id}`)).body.data[0].Account_Name).toEqual({
			name: company.Account_Name,
			id: company.id,
		});
		expect(created.body.data[1]).toMatchObject({
			code: 'INVALID_DATA',
			details: { api_name: 'Account_Name', id: '999' },
		});
	});

	it('sets Owner to one of the org’s users only', async () => {
		const users = (await api('GET', 'users')).body.users;
		const [contact] = await records('Contacts');
		const updated = await api('PUT', 'Contacts', {
			data: [
				{ id: contact.id, Owner: { id: users[1].id } },
				{ id: contact.id, Owner: { id: '1' } },
			],
		});
		expect(updated.body.data[0].status).toBe('success');
		expect(updated.body.data[1]).toMatchObject({
			code: 'INVALID_DATA',
			details: { api_name: 'Owner' },
		});
		expect((await api('GET', `Contacts/${contact.id}`)).body.data[0].Owner).toMatchObject({
			id: users[1].id,
			name: users[1].full_name,
		});
	});

	it('writes up to 100 records per call, each with its own result', async () => {
		const data = Array.from({ length: 100 }, (_, index) =>
			index % 10 === 9
				? { Email: `missing-${index}@example.com` }
				: { Last_Name: `Batch ${index}` },
		);
		const created = await api('POST', 'Contacts', { data });
		expect(created.status).toBe(202);
		expect(created.body.data).toHaveLength(100);
		expect(
			created.body.data.filter((entry: { status: string }) => entry.status === 'error'),
		).toHaveLength(10);
		expect(created.body.data[9]).toMatchObject({
			code: 'MANDATORY_NOT_FOUND',
			details: { api_name: 'Last_Name' },
		});
		const ids = created.body.data
			.filter((entry: { status: string }) => entry.status === 'success')
			.map((entry: { details: { id: string } }) => entry.details.id);
		const updated = await api('PUT', 'Contacts', {
			data: ids.map((id: string) => ({ id, Title: 'Batched' })),
		});
		expect(updated.status).toBe(200);
		const deleted = await api('DELETE', `Contacts?ids=${ids.join(',')}`);
		expect(deleted.status).toBe(200);
		expect(deleted.body.data).toHaveLength(90);
	});

	it('answers mixed results with the configured itemErrorStatus', async () => {
		await client.control('POST', 'config', { itemErrorStatus: 400 });
		const created = await api('POST', 'Contacts', {
			data: [{ Last_Name: 'Ok' }, { Loyalty_Points: 'x' }],
		});
		expect(created.status).toBe(400);
		expect(created.body.data[0].status).toBe('success');
	});

	it('creates notes on a record of the module $se_module names', async () => {
		const [deal] = await records('Pipelines');
		const created = await api('POST', 'Notes', {
			data: [
				{
					Note_Content: 'Called about renewal',
					Parent_Id: { id: deal.id },
					$se_module: 'Pipelines',
				},
			],
		});
		expect(created.status).toBe(201);
		const note = (await api('GET', `Notes/${created.body.data[0].details.id}`)).body.data[0];
		expect(note).toMatchObject({
			Parent_Id: { id: deal.id, name: deal.Deal_Name },
			$se_module: 'Pipelines',
		});
	});
});

describe('Bigin simulator: upsert', () => {
	let client: SimulatorFixture['client'];
	let token: string;
	useSimulator((fixture) => ({ client, token } = fixture));

	const api = (method: string, path: string, body?: unknown) =>
		client.request(method, `/bigin/v2/${path}`, { token, body });

	it('updates the record a duplicate check field matches and inserts the others', async () => {
		const upserted = await api('POST', 'Contacts/upsert', {
			data: [
				{ Last_Name: 'Lopez', Email: 'MARIA.LOPEZ@example.com', Title: 'Director' },
				{ Last_Name: 'Novak', Email: 'novak@example.com' },
			],
			duplicate_check_fields: ['Email'],
		});
		expect(upserted.status).toBe(200);
		expect(upserted.body.data[0]).toMatchObject({
			code: 'SUCCESS',
			action: 'update',
			duplicate_field: 'Email',
			status: 'success',
		});
		expect(upserted.body.data[1]).toMatchObject({ action: 'insert', duplicate_field: null });
		const maria = (await client.control('GET', 'records/Contacts')).data.find(
			(record: { Last_Name: string }) => record.Last_Name === 'Lopez',
		);
		expect(maria.Title).toBe('Director');
		expect(maria.id).toBe(upserted.body.data[0].details.id);
	});

	it('uses Zoho’s default duplicate check field when none is named, and inserts on no match', async () => {
		const upserted = await api('POST', 'Accounts/upsert', {
			data: [{ Account_Name: 'zylker traders', Phone: '+1 555 0299' }],
		});
		expect(upserted.body.data[0]).toMatchObject({
			action: 'update',
			duplicate_field: 'Account_Name',
		});
		const tasks = await api('POST', 'Tasks/upsert', {
			data: [{ Subject: 'Send proposal to Zylker' }],
		});
		expect(tasks.body.data[0].action).toBe('insert');
	});

	it('matches a record inserted earlier in the same call, and checks fields in order', async () => {
		const upserted = await api('POST', 'Contacts/upsert', {
			data: [
				{ Last_Name: 'Twice', Phone: '+1 555 7777' },
				{ Last_Name: 'Twice again', Phone: '+1 555 7777' },
			],
			duplicate_check_fields: ['Email', 'Phone'],
		});
		expect(upserted.body.data.map((entry: { action: string }) => entry.action)).toEqual([
			'insert',
			'update',
		]);
		expect(upserted.body.data[1].duplicate_field).toBe('Phone');
	});

	it('refuses an unknown duplicate check field, and reports per-record errors', async () => {
		const unknown = await api('POST', 'Contacts/upsert', {
			data: [{ Last_Name: 'X' }],
			duplicate_check_fields: ['Nope'],
		});
		expect(unknown.status).toBe(400);
		expect(unknown.body).toMatchObject({
			code: 'INVALID_DATA',
			details: { api_name: 'duplicate_check_fields' },
		});
		const mixed = await api('POST', 'Contacts/upsert', {
			data: [{ Email: 'nobody@example.com' }, { Last_Name: 'Fine' }],
		});
		expect(mixed.status).toBe(202);
		expect(mixed.body.data[0]).toMatchObject({ code: 'MANDATORY_NOT_FOUND' });
	});
});
