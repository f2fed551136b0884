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
});
