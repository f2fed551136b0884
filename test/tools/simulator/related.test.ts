import type { SimulatorFixture } from '../../support/simulatorFixture';
import { useSimulator } from '../../support/simulatorFixture';

describe('Bigin simulator: related lists and product links', () => {
	let client: SimulatorFixture['client'];
	let token: string;
	useSimulator((fixture) => ({ client, token } = fixture));

	const api = (method: string, path: string, body?: unknown) =>
		client.request(method, `/bigin/v2/${path}`, { token, body });
	const create = async (module: string, fields: Record<string, unknown>): Promise<string> =>
		(await api('POST', module, { data: [fields] })).body.data[0].details.id;
	const later = () => client.control('POST', 'clock', { advanceSeconds: 5 });

	it('lists a company’s contacts, newest first, with an info that has no sort keys', async () => {
		const account = await create('Accounts', { Account_Name: 'Parent Co' });
		const older = await create('Contacts', { Last_Name: 'Older', Account_Name: { id: account } });
		const newer = await create('Contacts', { Last_Name: 'Newer', Account_Name: { id: account } });
		await create('Contacts', { Last_Name: 'Elsewhere' });
		const listed = await api('GET', `Accounts/${account}/Contacts?fields=Last_Name,Email`);
		expect(listed.status).toBe(200);
		expect(listed.body.data).toEqual([
			{ id: newer, Last_Name: 'Newer', Email: null },
			{ id: older, Last_Name: 'Older', Email: null },
		]);
		expect(listed.body.info).toEqual({
			per_page: 200,
			count: 2,
			page: 1,
			more_records: false,
			next_page_token: null,
			previous_page_token: null,
			page_token_expiry: null,
		});
	});

	it('links a product to a contact: relation added, then relation updated, then listed', async () => {
		const contact = await create('Contacts', { Last_Name: 'Buyer' });
		const product = await create('Products', { Product_Name: 'Linked' });
		const added = await api('PUT', `Contacts/${contact}/Products/${product}`, { data: [{}] });
		expect(added.status).toBe(200);
		expect(added.body).toEqual({
			data: [
				{ code: 'SUCCESS', details: { id: product }, message: 'relation added', status: 'success' },
			],
		});
		const again = await api('PUT', `Contacts/${contact}/Products/${product}`, { data: [{}] });
		expect(again.body.data[0].message).toBe('relation updated');
		const products = await api('GET', `Contacts/${contact}/Products?fields=Product_Name`);
		expect(products.body.data).toEqual([{ id: product, Product_Name: 'Linked' }]);
		const contacts = await api('GET', `Products/${product}/Contacts?fields=Last_Name`);
		expect(contacts.body.data).toEqual([{ id: contact, Last_Name: 'Buyer' }]);
	});

	it('unlinks a product: relation removed, and the related list answers 204', async () => {
		const contact = await create('Contacts', { Last_Name: 'Former buyer' });
		const product = await create('Products', { Product_Name: 'Unlinked' });
		await api('PUT', `Contacts/${contact}/Products/${product}`, { data: [{}] });
		const removed = await api('DELETE', `Contacts/${contact}/Products/${product}`);
		expect(removed.status).toBe(200);
		expect(removed.body).toEqual({
			data: [
				{
					code: 'SUCCESS',
					details: { id: product },
					message: 'relation removed',
					status: 'success',
				},
			],
		});
		const listed = await api('GET', `Contacts/${contact}/Products?fields=Product_Name`);
		expect(listed.status).toBe(204);
		expect(listed.headers.get('content-type')).toBe('application/json;charset=UTF-8');
	});

	it('counts a link as activity on both records', async () => {
		const contact = await create('Contacts', { Last_Name: 'Active' });
		const product = await create('Products', { Product_Name: 'Active' });
		await later();
		await api('PUT', `Contacts/${contact}/Products/${product}`, { data: [{}] });
		const time = async (module: string, id: string) =>
			(await api('GET', `${module}/${id}?fields=Last_Activity_Time,Modified_Time`)).body.data[0];
		const read = await time('Contacts', contact);
		expect(read.Last_Activity_Time).not.toBeNull();
		expect(read.Last_Activity_Time).not.toBe(read.Modified_Time);
		expect((await time('Products', product)).Last_Activity_Time).toBe(read.Last_Activity_Time);
	});

	it('forgets the links of a deleted record', async () => {
		const contact = await create('Contacts', { Last_Name: 'Leaving' });
		const product = await create('Products', { Product_Name: 'Staying' });
		await api('PUT', `Contacts/${contact}/Products/${product}`, { data: [{}] });
		await api('DELETE', `Contacts/${contact}`);
		expect((await api('GET', `Products/${product}/Contacts?fields=Last_Name`)).status).toBe(204);
	});

	it('refuses an unknown related list, a missing parent, a missing product and a list without fields', async () => {
		const contact = await create('Contacts', { Last_Name: 'Checked' });
		const unknownList = await api('GET', `Contacts/${contact}/Widgets?fields=Name`);
		expect(unknownList.status).toBe(400);
		expect(unknownList.body).toMatchObject({
			code: 'INVALID_DATA',
			details: { api_name: 'Widgets' },
		});
		const noParent = await api('GET', 'Contacts/1234567890123456789/Products?fields=Product_Name');
		expect(noParent.status).toBe(400);
		const noProduct = await api('PUT', `Contacts/${contact}/Products/1234567890123456789`, {
			data: [{}],
		});
		expect(noProduct.status).toBe(202);
		expect(noProduct.body.data[0]).toMatchObject({ code: 'INVALID_DATA', status: 'error' });
		const noFields = await api('GET', `Contacts/${contact}/Products`);
		expect(noFields.body).toMatchObject({
			code: 'REQUIRED_PARAM_MISSING',
			details: { param: 'fields' },
		});
		const notLinkable = await api(
			'PUT',
			`Accounts/${await create('Accounts', { Account_Name: 'X' })}/Contacts/${contact}`,
			{
				data: [{}],
			},
		);
		expect(notLinkable.status).toBe(400);
	});

	it('ties a task, event or call to its record with Related_To and $related_module', async () => {
		const contact = await create('Contacts', { Last_Name: 'Called' });
		const task = await api('POST', 'Tasks', {
			data: [{ Subject: 'Follow up', Related_To: { id: contact }, $related_module: 'Contacts' }],
		});
		expect(task.status).toBe(201);
		const taskId = task.body.data[0].details.id;
		const read = await api('GET', `Tasks/${taskId}?fields=Related_To,$related_module`);
		expect(read.body.data[0]).toEqual({
			id: taskId,
			Related_To: { name: 'Called', id: contact },
			$related_module: 'Contacts',
		});
		const listed = await api('GET', `Contacts/${contact}/Tasks?fields=Subject`);
		expect(listed.body.data).toEqual([{ id: taskId, Subject: 'Follow up' }]);
		const contactRead = await api('GET', `Contacts/${contact}?fields=Last_Activity_Time`);
		expect(contactRead.body.data[0].Last_Activity_Time).not.toBeNull();
	});

	it('refuses Related_To without $related_module, or naming a module activities cannot point to', async () => {
		const contact = await create('Contacts', { Last_Name: 'Unnamed' });
		const missing = await api('POST', 'Calls', {
			data: [
				{
					Subject: 'Call',
					Call_Type: 'Outbound',
					Call_Start_Time: '2026-12-10T10:00:00+03:00',
					Call_Duration: '05:00',
					Related_To: { id: contact },
				},
			],
		});
		expect(missing.body.data[0]).toMatchObject({
			code: 'MANDATORY_NOT_FOUND',
			details: { api_name: '$related_module' },
		});
		const wrong = await api('POST', 'Tasks', {
			data: [{ Subject: 'Odd', Related_To: { id: contact }, $related_module: 'Products' }],
		});
		expect(wrong.body.data[0]).toMatchObject({
			code: 'INVALID_DATA',
			details: { api_name: '$related_module' },
		});
		const fields = (await api('GET', 'settings/fields?module=Events')).body.fields;
		expect(
			fields.find((field: { api_name: string }) => field.api_name === 'Related_To'),
		).toMatchObject({
			data_type: 'lookup',
			lookup: {},
			multi_module_lookup: {
				api_name: '$related_module',
				modules: [
					expect.objectContaining({ api_name: 'Contacts' }),
					expect.objectContaining({ api_name: 'Accounts' }),
					expect.objectContaining({ api_name: 'Pipelines' }),
				],
			},
		});
	});
});
