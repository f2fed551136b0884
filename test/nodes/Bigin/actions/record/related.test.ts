import type { IDataObject } from 'n8n-workflow';

import { byId, recordParameters, useBiginNode } from '../../../../support/actionHarness';
import { items } from '../../../../../tools/contexts/nodeHarness';

describe('Bigin node, Record: Get Related Records, Link Product and Unlink Product, against the simulator', () => {
	const bigin = useBiginNode();

	const link = (module: string, recordId: string, productId: string, operation = 'linkProduct') =>
		recordParameters(operation, {
			module,
			recordId: byId(recordId),
			productId: byId(productId),
		});
	const related = (
		module: string,
		recordId: string,
		relatedList: string,
		extra: IDataObject = {},
	) =>
		recordParameters('getRelated', {
			module,
			recordId: byId(recordId),
			relatedList,
			returnAll: true,
			options: {},
			...extra,
		});

	it("links products to a contact, one call each, and reads the contact's products", async () => {
		const contact = await bigin.seed('Contacts', { Last_Name: 'Buyer' });
		const first = await bigin.seed('Products', { Product_Name: 'Desk', Unit_Price: 300 });
		const second = await bigin.seed('Products', { Product_Name: 'Chair', Unit_Price: 120 });
		const linked = await bigin.run(
			(itemIndex) => link('Contacts', contact, [first, second][itemIndex]),
			{ input: items({}, {}) },
		);
		expect(linked.map((item) => item.json)).toEqual([
			{
				module: 'Contacts',
				id: contact,
				productId: first,
				linked: true,
				message: 'relation added',
			},
			{
				module: 'Contacts',
				id: contact,
				productId: second,
				linked: true,
				message: 'relation added',
			},
		]);
		expect(bigin.calls()).toEqual([
			`PUT /Contacts/${contact}/Products/${first}`,
			`PUT /Contacts/${contact}/Products/${second}`,
		]);
		expect(bigin.recorder.requests[0].body).toEqual({ data: [{}] });

		bigin.recorder.requests = [];
		const products = await bigin.run(related('Contacts', contact, 'Products'));
		expect(products.map((item) => item.json.Product_Name)).toEqual(['Chair', 'Desk']);
		expect(products[0].json).toMatchObject({ Unit_Price: 120, Owner: expect.any(Object) });
		expect(bigin.calls()).toEqual(['GET /settings/fields', `GET /Contacts/${contact}/Products`]);
		expect(bigin.recorder.requests[0].qs).toEqual({ module: 'Products' });
		expect(String((bigin.recorder.requests[1].qs as IDataObject).fields).split(',')).toEqual(
			expect.arrayContaining(['Product_Name', 'Unit_Price', 'Owner']),
		);
	});

	it('says Bigin linked a product already (relation updated), and unlinks it', async () => {
		const deal = String((await bigin.records('Pipelines'))[0].id);
		const product = await bigin.seed('Products', { Product_Name: 'Support plan' });
		await bigin.run(link('Pipelines', deal, product));
		const [again] = await bigin.run(link('Pipelines', deal, product));
		expect(again.json).toMatchObject({ linked: true, message: 'relation updated' });
		const [removed] = await bigin.run(link('Pipelines', deal, product, 'unlinkProduct'));
		expect(removed.json).toEqual({
			module: 'Pipelines',
			id: deal,
			productId: product,
			linked: false,
			message: 'relation removed',
		});
		expect(bigin.calls().at(-1)).toBe(`DELETE /Pipelines/${deal}/Products/${product}`);
		expect(await bigin.run(related('Pipelines', deal, 'Products'))).toEqual([]);
	});

	it("reads a company's contacts with the chosen fields, page by page", async () => {
		const company = await bigin.seed('Accounts', { Account_Name: 'Many Contacts Ltd' });
		for (let index = 0; index < 205; index++) {
			await bigin.seed('Contacts', { Last_Name: `Staff ${index}`, Account_Name: { id: company } });
		}
		const output = await bigin.run(
			related('Accounts', company, 'Contacts', { options: { fields: ['Last_Name'] } }),
		);
		expect(output).toHaveLength(205);
		expect(Object.keys(output[0].json).sort()).toEqual(['Last_Name', 'id']);
		expect(bigin.recorder.requests.map((request) => request.qs)).toEqual([
			{ fields: 'Last_Name', page: 1, per_page: 200 },
			{ fields: 'Last_Name', page: 2, per_page: 200 },
		]);
	});

	it('stops at the limit, and simplifies the related records by their own module', async () => {
		const contact = String((await bigin.records('Contacts'))[0].id);
		for (const subject of ['First', 'Second', 'Third']) {
			await bigin.seed('Tasks', {
				Subject: subject,
				Related_To: { id: contact },
				$related_module: 'Contacts',
			});
		}
		const output = await bigin.run(
			related('Contacts', contact, 'Tasks', { returnAll: false, limit: 2, simplify: true }),
		);
		expect(output.map((item) => item.json.Subject)).toEqual(['Third', 'Second']);
		expect(output[0].json).not.toHaveProperty('Description');
		expect(bigin.recorder.requests.at(-1)?.qs).toMatchObject({ page: 1, per_page: 2 });
	});

	it.each([
		[
			'a related list the module does not have',
			related('Tasks', '6756839000000000001', 'Products'),
			'A Tasks record has no related list "Products". Use one of: Notes',
		],
		[
			'linking a product to a module Bigin does not link products to',
			link('Tasks', '6756839000000000001', '6756839000000000002'),
			'Products cannot be linked to Tasks records. Use one of: Contacts, Accounts, Pipelines',
		],
		[
			'a product that is not an ID',
			link('Contacts', '6756839000000000001', 'Desk'),
			'"Desk" is not a Bigin record ID',
		],
		[
			'an empty product',
			link('Contacts', '6756839000000000001', ''),
			'Product is empty: enter a record ID',
		],
	])('refuses %s before calling Bigin', async (_label, parameters, message) => {
		await expect(bigin.run(parameters)).rejects.toThrow(message);
		expect(bigin.calls()).toEqual([]);
	});

	it("reports Bigin's error for a product it does not have on that item, with Continue On Fail", async () => {
		const contact = await bigin.seed('Contacts', { Last_Name: 'Buyer' });
		const product = await bigin.seed('Products', { Product_Name: 'Real' });
		const output = await bigin.run(
			(itemIndex) => link('Contacts', contact, [product, '6756839000000999999'][itemIndex]),
			{ input: items({}, {}), continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ linked: true });
		expect(output[1]).toEqual({
			json: { error: expect.stringContaining('Bigin error INVALID_DATA') },
			pairedItem: { item: 1 },
		});
	});
});
