import { byId, recordParameters, useBiginNode } from '../../../../support/actionHarness';
import { items } from '../../../../../tools/contexts/nodeHarness';

describe('Bigin node, Record: Get, against the simulator', () => {
	const bigin = useBiginNode();

	it('reads a record by ID, as Bigin returns it', async () => {
		const id = await bigin.seed('Contacts', { Last_Name: 'Lopez', Email: 'ana@example.com' });
		const [item] = await bigin.run(recordParameters('get', { recordId: byId(id) }));
		expect(item.json).toMatchObject({
			id,
			Last_Name: 'Lopez',
			Email: 'ana@example.com',
			Owner: expect.objectContaining({ id: expect.any(String) }),
		});
		expect(bigin.calls()).toEqual([`GET /Contacts/${id}`]);
	});

	it("reads a record by its Bigin URL, and simplifies it to the module's common fields", async () => {
		const id = await bigin.seed('Accounts', { Account_Name: 'Zylker', Annual_Revenue: 5 });
		const [item] = await bigin.run(
			recordParameters('get', {
				module: 'Accounts',
				simplify: true,
				recordId: {
					__rl: true,
					mode: 'url',
					value: `https://bigin.zoho.eu/bigin/org20071234/Home#/accounts/${id}?section=notes`,
				},
			}),
		);
		expect(item.json).toMatchObject({ id, Account_Name: 'Zylker' });
		expect(item.json).not.toHaveProperty('Annual_Revenue');
	});

	it('asks only for the chosen fields', async () => {
		const id = await bigin.seed('Contacts', { Last_Name: 'Sato', Email: 'k@example.jp' });
		const [item] = await bigin.run(
			recordParameters('get', { recordId: byId(id), options: { fields: ['Email'] } }),
		);
		expect(item.json.Email).toBe('k@example.jp');
		expect(item.json).not.toHaveProperty('Last_Name');
		expect(bigin.recorder.requests[0].qs).toEqual({ fields: 'Email' });
	});

	it('asks again with the fields from settings/fields where Bigin insists on them', async () => {
		await bigin.client.control('POST', 'config', { singleRecordRequiresFields: true });
		const id = await bigin.seed('Contacts', { Last_Name: 'Okafor' });
		const [item] = await bigin.run(recordParameters('get', { recordId: byId(id) }));
		expect(item.json).toMatchObject({ id, Last_Name: 'Okafor' });
		expect(bigin.calls()).toEqual([
			`GET /Contacts/${id}`,
			'GET /settings/fields',
			`GET /Contacts/${id}`,
		]);
	});

	it('says clearly when the record does not exist (Bigin answers 204)', async () => {
		await expect(
			bigin.run(recordParameters('get', { recordId: byId('6756839000000999999') })),
		).rejects.toThrow('Bigin has no Contacts record 6756839000000999999');
	});

	it.each([
		['an empty record', byId(''), 'Record is empty'],
		['a malformed ID', byId('abc'), '"abc" is not a Bigin record ID'],
		[
			'a URL without a record ID',
			{ __rl: true, mode: 'url', value: 'https://bigin.zoho.com/bigin/org1/Home#/contacts' },
			'is not a Bigin record ID',
		],
	])('refuses %s before calling Bigin', async (_label, recordId, message) => {
		await expect(bigin.run(recordParameters('get', { recordId }))).rejects.toThrow(message);
		expect(bigin.calls()).toEqual([]);
	});

	it('retries a 429 and returns the record', async () => {
		const id = await bigin.seed('Contacts', { Last_Name: 'Retry' });
		await bigin.client.control('POST', 'faults', { path: `/bigin/v2/Contacts/${id}`, kind: 429 });
		const [item] = await bigin.run(recordParameters('get', { recordId: byId(id) }));
		expect(item.json.Last_Name).toBe('Retry');
		expect(bigin.calls()).toEqual([`GET /Contacts/${id}`, `GET /Contacts/${id}`]);
	});

	it('with Continue On Fail, reports a missing record on its item and reads the others', async () => {
		const id = await bigin.seed('Contacts', { Last_Name: 'Present' });
		const output = await bigin.run(
			(itemIndex) =>
				recordParameters('get', { recordId: byId(itemIndex === 0 ? '6756839000000999999' : id) }),
			{ input: items({}, {}), continueOnFail: true },
		);
		expect(output[0]).toEqual({
			json: { error: expect.stringContaining('Bigin has no Contacts record') },
			pairedItem: { item: 0 },
		});
		expect(output[1]).toMatchObject({ json: { id }, pairedItem: { item: 1 } });
	});
});
