import type { SimulatorFixture } from '../../support/simulatorFixture';
import { useSimulator } from '../../support/simulatorFixture';

describe('Bigin simulator: records as the recorded Bigin answers them', () => {
	let client: SimulatorFixture['client'];
	let token: string;
	useSimulator((fixture) => ({ client, token } = fixture));

	const api = (method: string, path: string, body?: unknown) =>
		client.request(method, `/bigin/v2/${path}`, { token, body });
	const create = async (module: string, fields: Record<string, unknown>) => {
		const created = await api('POST', module, { data: [fields] });
		expect(created.status).toBe(201);
		return created.body.data[0];
	};
	const later = () => client.control('POST', 'clock', { advanceSeconds: 5 });

	describe('whole records and fields', () => {
		it('answers a search with whole records: every field, unused and empty ones, and the $ keys', async () => {
			const found = await api('GET', 'Contacts/search?email=maria.lopez@example.com');
			const record = found.body.data[0];
			expect(record).toMatchObject({
				Department: null,
				Secondary_Email: null,
				Home_Phone: null,
				Locked__s: false,
				Email_Opt_Out: false,
				Record_Creation_Source_ID__s: '0',
				Tag: [],
				Last_Activity_Time: null,
				$approval_state: 'approved',
				$sharing_permission: 'full_access',
				$state: 'save',
				$editable: true,
				$approval: {
					delegate: false,
					takeover: false,
					approve: false,
					reject: false,
					resubmit: false,
				},
				$review_process: { approve: false, reject: false, resubmit: false },
				$layout_id: { display_label: 'Standard', name: 'Standard', id: expect.any(String) },
			});
			expect(Object.keys(record)).toHaveLength(64 + 3);
		});

		it('gives a new product the values Bigin starts one with', async () => {
			const { details } = await create('Products', { Product_Name: 'Starter' });
			const [product] = (await api('GET', `Products/search?criteria=(id:equals:${details.id})`))
				.body.data;
			expect(product).toMatchObject({
				Product_Active: true,
				Qty_in_Stock: 0,
				Qty_Ordered: 0,
				Qty_in_Demand: 0,
				Reorder_Level: 0,
				Taxable: true,
				Tax: [],
				$taxable: true,
			});
			expect(product).not.toHaveProperty('$zia_owner_assignment');
		});

		it('leaves out, rather than answering empty, the requested names it cannot give', async () => {
			const [contact] = (await client.control('GET', 'records/Contacts')).data;
			const read = await api(
				'GET',
				`Contacts/${contact.id}?fields=Email,Department,$followed,$editable,No_Such_Field`,
			);
			expect(read.body.data[0]).toEqual({ id: contact.id, Email: contact.Email, $editable: true });
		});
	});

	describe('writes', () => {
		it('stores the standard fields it lists: Home_Phone, Record_Image, Product_Category', async () => {
			const contact = await create('Contacts', {
				Last_Name: 'Stored',
				Home_Phone: '+1 555 0199',
				Record_Image: 'photo-1',
			});
			const read = await api(
				'GET',
				`Contacts/${contact.details.id}?fields=Home_Phone,Record_Image`,
			);
			expect(read.body.data[0]).toMatchObject({
				Home_Phone: '+1 555 0199',
				Record_Image: 'photo-1',
			});
			const product = await create('Products', {
				Product_Name: 'Typed',
				Product_Category: 'Software',
			});
			const readProduct = await api(
				'GET',
				`Products/${product.details.id}?fields=Product_Category`,
			);
			expect(readProduct.body.data[0].Product_Category).toBe('Software');
		});

		it('takes tags as [{ name }] and answers them as [{ name, id, color_code }], one id per name', async () => {
			const first = await create('Contacts', { Last_Name: 'Tagged', Tag: [{ name: 'VIP' }] });
			const second = await create('Products', {
				Product_Name: 'Tagged',
				Tag: [{ name: 'VIP' }, { name: 'New' }],
			});
			const contactTags = (await api('GET', `Contacts/${first.details.id}?fields=Tag`)).body.data[0]
				.Tag;
			const productTags = (await api('GET', `Products/${second.details.id}?fields=Tag`)).body
				.data[0].Tag;
			expect(contactTags).toEqual([{ name: 'VIP', id: expect.any(String), color_code: null }]);
			expect(productTags.map((tag: { name: string }) => tag.name)).toEqual(['VIP', 'New']);
			expect(productTags[0].id).toBe(contactTags[0].id);
			const refused = await api('POST', 'Contacts', { data: [{ Last_Name: 'Bad', Tag: 'VIP' }] });
			expect(refused.body.data[0]).toMatchObject({
				code: 'INVALID_DATA',
				details: { api_name: 'Tag', expected_data_type: 'jsonarray' },
			});
		});

		it('ignores the fields view_type keeps from writes, and stores Owner', async () => {
			const users = (await api('GET', 'users?type=ActiveUsers')).body.users;
			const contact = await create('Contacts', {
				Last_Name: 'Audited',
				Full_Name: 'Someone Else',
				Created_Time: '2020-01-01T00:00:00+03:00',
				Last_Activity_Time: '2020-01-01T00:00:00+03:00',
				Owner: { id: users[1].id },
			});
			const read = (
				await api(
					'GET',
					`Contacts/${contact.details.id}?fields=Full_Name,Created_Time,Last_Activity_Time,Owner`,
				)
			).body.data[0];
			expect(read.Full_Name).toBe('Audited');
			expect(read.Created_Time).not.toBe('2020-01-01T00:00:00+03:00');
			expect(read.Last_Activity_Time).toBeNull();
			expect(read.Owner).toEqual({
				name: users[1].full_name,
				id: users[1].id,
				email: users[1].email,
			});
		});

		it('refuses a deactivated user as Owner', async () => {
			const [departed] = (await api('GET', 'users?type=DeactiveUsers')).body.users;
			const refused = await api('POST', 'Contacts', {
				data: [{ Last_Name: 'Orphan', Owner: { id: departed.id } }],
			});
			expect(refused.body.data[0]).toMatchObject({
				code: 'INVALID_DATA',
				details: { api_name: 'Owner' },
			});
		});

		it('answers a create of a company or product with $approval_state, of a contact and an update without', async () => {
			const account = await create('Accounts', { Account_Name: 'Approved Co' });
			const product = await create('Products', { Product_Name: 'Approved' });
			const contact = await create('Contacts', { Last_Name: 'Plain' });
			expect(account.details).toHaveProperty('$approval_state', 'approved');
			expect(product.details).toHaveProperty('$approval_state', 'approved');
			expect(contact.details).not.toHaveProperty('$approval_state');
			expect(contact.details.Created_By).toEqual({ name: 'Sam Simulator', id: expect.any(String) });
			const updated = await api('PUT', `Accounts/${account.details.id}`, {
				data: [{ Phone: '+1 555 0142' }],
			});
			expect(updated.body.data[0]).toMatchObject({ message: 'record updated' });
			expect(updated.body.data[0].details).not.toHaveProperty('$approval_state');
		});

		it('sets Last_Activity_Time on an update, and on the company a new contact names', async () => {
			const account = await create('Accounts', { Account_Name: 'Active Co' });
			const readAccount = async () =>
				(await api('GET', `Accounts/${account.details.id}?fields=Last_Activity_Time`)).body.data[0]
					.Last_Activity_Time;
			expect(await readAccount()).toBeNull();
			await later();
			const contact = await create('Contacts', {
				Last_Name: 'Active',
				Account_Name: { id: account.details.id },
			});
			expect(await readAccount()).toBe(contact.details.Created_Time);
			await later();
			const updated = await api('PUT', `Contacts/${contact.details.id}`, {
				data: [{ Title: 'Buyer' }],
			});
			const read = await api('GET', `Contacts/${contact.details.id}?fields=Last_Activity_Time`);
			expect(read.body.data[0].Last_Activity_Time).toBe(updated.body.data[0].details.Modified_Time);
		});
	});

	describe('lists and searches', () => {
		it('lists newest first by default, and says so: sort_by id, sort_order desc', async () => {
			await later();
			const newest = await create('Contacts', { Last_Name: 'Newest' });
			const listed = await api('GET', 'Contacts?fields=Last_Name');
			expect(listed.body.data[0].id).toBe(newest.details.id);
			expect(listed.body.info).toMatchObject({ sort_by: 'id', sort_order: 'desc' });
			const ids = listed.body.data.map((record: { id: string }) => BigInt(record.id));
			expect(ids).toEqual([...ids].sort((a, b) => (a < b ? 1 : -1)));
			const oldestFirst = await api('GET', 'Contacts?fields=Last_Name&sort_order=asc');
			expect(oldestFirst.body.data.at(-1).id).toBe(newest.details.id);
		});

		it('answers a search most recently modified first, with the recorded info', async () => {
			const contacts = (await client.control('GET', 'records/Contacts')).data;
			await later();
			await api('PUT', `Contacts/${contacts[1].id}`, { data: [{ Title: 'Touched' }] });
			const found = await api('GET', 'Contacts/search?word=example');
			expect(found.body.data[0].id).toBe(contacts[1].id);
			expect(found.body.info).toEqual({
				per_page: 200,
				count: found.body.data.length,
				sort_by: 'id',
				page: 1,
				sort_order: 'desc',
				more_records: false,
			});
		});

		it('matches a text equals by words, as recorded, and other types exactly', async () => {
			await create('Products', { Product_Name: 'Nango Test Product' });
			await create('Products', { Product_Name: 'Nango Unlink Test Product' });
			await create('Products', { Product_Name: 'Nango Product' });
			const found = await api(
				'GET',
				`Products/search?criteria=${encodeURIComponent('(Product_Name:equals:Nango Test Product)')}`,
			);
			expect(
				found.body.data.map((record: { Product_Name: string }) => record.Product_Name).sort(),
			).toEqual(['Nango Test Product', 'Nango Unlink Test Product']);
			const byEmail = await api(
				'GET',
				`Contacts/search?criteria=${encodeURIComponent('(Email:equals:lopez@example.com)')}`,
			);
			expect(byEmail.status).toBe(204);
		});

		it('stops a search at 2,000 results, with no page_token to go further', async () => {
			await client.control('POST', 'records/Contacts/bulk', { count: 2100 });
			const tenth = await api('GET', 'Contacts/search?word=Bulk&page=10&per_page=200');
			expect(tenth.body.info).toMatchObject({ count: 200, more_records: false });
			expect(tenth.body.info).not.toHaveProperty('next_page_token');
			expect((await api('GET', 'Contacts/search?word=Bulk&page=11&per_page=200')).status).toBe(204);
		});

		it('answers 204 with Bigin’s JSON content type and no body', async () => {
			for (const path of [
				'Contacts?fields=Last_Name&page=5',
				'Contacts/1234567890123456789',
				'Contacts/search?word=nobody-has-this',
			]) {
				const answer = await api('GET', path);
				expect({ path, status: answer.status, type: answer.headers.get('content-type') }).toEqual({
					path,
					status: 204,
					type: 'application/json;charset=UTF-8',
				});
				expect(answer.body).toBeUndefined();
			}
		});
	});
});
