import type { IDataObject } from 'n8n-workflow';

import { byId, mapped, recordParameters, useBiginNode } from '../../../../support/actionHarness';
import { items } from '../../../../../tools/contexts/nodeHarness';

describe('Bigin node, Record: Create, against the simulator', () => {
	const bigin = useBiginNode();

	const create = (value: IDataObject, module = 'Contacts') =>
		recordParameters('create', { module, columns: mapped(value) });

	it('creates a record with standard and custom fields, typed as Bigin wants them', async () => {
		const output = await bigin.run(
			create({
				Last_Name: 'Nakamura',
				First_Name: 'Yui',
				Email: 'yui@example.jp',
				Customer_Tier: 'Gold',
				Loyalty_Points: '120',
				Interests: 'Design, Training',
				Email_Opt_Out: true,
			}),
		);
		expect(output).toHaveLength(1);
		const id = String(output[0].json.id);
		expect(id).toMatch(/^\d+$/);
		expect(output[0].json).toMatchObject({ Created_Time: expect.any(String) });
		expect(output[0].pairedItem).toEqual({ item: 0 });
		const stored = (await bigin.records('Contacts')).find((record) => record.id === id);
		expect(stored).toMatchObject({
			Last_Name: 'Nakamura',
			Customer_Tier: 'Gold',
			Loyalty_Points: 120,
			Interests: ['Design', 'Training'],
			Email_Opt_Out: true,
		});

		const [read] = await bigin.run(recordParameters('get', { recordId: byId(id) }));
		expect(read.json).toMatchObject({ id, Loyalty_Points: 120, Customer_Tier: 'Gold' });
	});

	it('outputs the record as Bigin stored it: the fields written, in their Bigin types, with the id, times and users Bigin adds, and no further call', async () => {
		const [created] = await bigin.run(
			create({ Last_Name: 'Okafor', Loyalty_Points: '42', Interests: 'Design' }),
		);
		expect(bigin.recorder.requests.map((request) => request.method)).toEqual(['GET', 'POST']);
		const stored = (await bigin.records('Contacts')).find(
			(record) => record.id === created.json.id,
		) as IDataObject;
		expect(Object.keys(created.json)[0]).toBe('id');
		// Bigin's answer to a write names its users by id and name (the recordings show no email).
		const user = (who: unknown) => ({
			id: (who as IDataObject).id,
			name: (who as IDataObject).name,
		});
		expect(created.json).toEqual({
			id: stored.id,
			Last_Name: stored.Last_Name,
			Loyalty_Points: stored.Loyalty_Points,
			Interests: stored.Interests,
			Created_Time: stored.Created_Time,
			Modified_Time: stored.Modified_Time,
			Created_By: user(stored.Created_By),
			Modified_By: user(stored.Modified_By),
		});
	});

	it("maps the input item's fields by name with auto-mapping, leaving out what the module does not have", async () => {
		const output = await bigin.run(
			recordParameters('create', { columns: { mappingMode: 'autoMapInputData', value: null } }),
			{ input: items({ Last_Name: 'Auto', Loyalty_Points: 7, source: 'webhook' }) },
		);
		const stored = (await bigin.records('Contacts')).find(
			(record) => record.id === output[0].json.id,
		);
		expect(stored).toMatchObject({ Last_Name: 'Auto', Loyalty_Points: 7 });
		expect(stored).not.toHaveProperty('source');
	});

	it('adds a note to a pipeline record, naming the parent module', async () => {
		const [deal] = await bigin.records('Pipelines');
		const [note] = await bigin.run(
			recordParameters('create', {
				module: 'Notes',
				parentModule: 'Pipelines',
				columns: mapped({ Note_Content: 'Called, sending the quote', Parent_Id: String(deal.id) }),
			}),
		);
		const stored = (await bigin.records('Notes')).find((record) => record.id === note.json.id);
		expect(stored).toMatchObject({
			Note_Content: 'Called, sending the quote',
			Parent_Id: expect.objectContaining({ id: deal.id }),
			$se_module: 'Pipelines',
		});
		expect((bigin.recorder.requests.at(-1)?.body as { data: unknown[] }).data).toEqual([
			{
				Note_Content: 'Called, sending the quote',
				Parent_Id: { id: deal.id },
				$se_module: 'Pipelines',
			},
		]);
	});

	it('sends several items in one call, each item getting its own output', async () => {
		const output = await bigin.run((itemIndex) => create({ Last_Name: `Batch ${itemIndex}` }), {
			input: items({}, {}, {}),
		});
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(bigin.calls().filter((call) => call === 'POST /Contacts')).toHaveLength(1);
		const names = (await bigin.records('Contacts')).map((record) => record.Last_Name);
		expect(names).toEqual(expect.arrayContaining(['Batch 0', 'Batch 1', 'Batch 2']));
	});

	it("reads each module's fields once for the whole run, however many items map them", async () => {
		const output = await bigin.run(
			(itemIndex) =>
				itemIndex % 2 === 0
					? create({ Last_Name: `Mapped ${itemIndex}`, Loyalty_Points: itemIndex })
					: create({ Account_Name: `Company ${itemIndex}` }, 'Accounts'),
			{ input: items({}, {}, {}, {}) },
		);
		expect(output).toHaveLength(4);
		expect(bigin.calls()).toEqual([
			'GET /settings/fields',
			'GET /settings/fields',
			'POST /Contacts',
			'POST /Accounts',
		]);
		expect(bigin.recorder.requests.slice(0, 2).map((request) => request.qs)).toEqual([
			{ module: 'Contacts' },
			{ module: 'Accounts' },
		]);
	});

	it('splits more than 100 items into calls of at most 100', async () => {
		const input = items(...Array.from({ length: 205 }, () => ({})));
		const output = await bigin.run((itemIndex) => create({ Last_Name: `Many ${itemIndex}` }), {
			input,
		});
		expect(output).toHaveLength(205);
		const bodies = bigin.recorder.requests
			.filter((request) => request.method === 'POST')
			.map((request) => ((request.body as { data: unknown[] }).data ?? []).length);
		expect(bodies).toEqual([100, 100, 5]);
	});

	it('refuses a value of the wrong type before calling Bigin to write', async () => {
		await expect(bigin.run(create({ Last_Name: 'X', Loyalty_Points: 'lots' }))).rejects.toThrow(
			'Loyalty_Points) expects a number, not "lots"',
		);
		expect(bigin.calls()).toEqual(['GET /settings/fields']);
	});

	it('without Continue On Fail, stops at the first item that fails its check, before anything is sent', async () => {
		const values = [{ Last_Name: 'Fine' }, { Last_Name: 'X', Loyalty_Points: 'lots' }];
		const error = await bigin
			.run(
				(itemIndex) =>
					itemIndex < 2 ? create(values[itemIndex]) : create({ Account_Name: 'Later' }, 'Accounts'),
				{ input: items({}, {}, {}) },
			)
			.catch((failure: { message: string; context: { itemIndex?: number } }) => failure);
		expect(error).toMatchObject({
			message: expect.stringContaining('expects a number'),
			context: { itemIndex: 1 },
		});
		expect(bigin.calls()).toEqual(['GET /settings/fields']);
	});

	it("without Continue On Fail, a record Bigin refuses stops the run before the next module's call", async () => {
		await expect(
			bigin.run(
				(itemIndex) =>
					itemIndex === 0
						? create({ First_Name: 'No last name' })
						: create({ Account_Name: 'Never sent' }, 'Accounts'),
				{ input: items({}, {}) },
			),
		).rejects.toMatchObject({ message: expect.stringContaining('MANDATORY_NOT_FOUND') });
		expect(bigin.calls()).toEqual([
			'GET /settings/fields',
			'GET /settings/fields',
			'POST /Contacts',
		]);
	});

	it("turns Bigin's per-record error inside a 2xx answer into that item's error, naming code and field", async () => {
		await expect(bigin.run(create({ First_Name: 'No last name' }))).rejects.toThrow(
			'Bigin error MANDATORY_NOT_FOUND: required field not found (field: Last_Name)',
		);
	});

	it('with Continue On Fail, keeps the good records of a batch and reports the bad one on its own item', async () => {
		const output = await bigin.run(
			(itemIndex) =>
				create(itemIndex === 1 ? { First_Name: 'Missing' } : { Last_Name: `Good ${itemIndex}` }),
			{ input: items({}, {}, {}), continueOnFail: true },
		);
		expect(output).toHaveLength(3);
		expect(output[0].json.id).toBeDefined();
		expect(output[1]).toEqual({
			json: { error: expect.stringContaining('MANDATORY_NOT_FOUND') },
			pairedItem: { item: 1 },
		});
		expect(output[2]).toMatchObject({ pairedItem: { item: 2 } });
		expect(output[2].json.id).toBeDefined();
		expect(bigin.calls().filter((call) => call === 'POST /Contacts')).toHaveLength(1);
	});

	it('maps per-record errors to their items when Bigin answers 400 because every record failed', async () => {
		await bigin.client.control('POST', 'config', { itemErrorStatus: 400 });
		const output = await bigin.run(
			(itemIndex) =>
				itemIndex === 0
					? create({ First_Name: 'No last name' })
					: create({ Last_Name: 'L'.repeat(81) }),
			{ input: items({}, {}), continueOnFail: true },
		);
		expect(output.map((item) => item.json.error)).toEqual([
			expect.stringContaining('MANDATORY_NOT_FOUND: required field not found (field: Last_Name)'),
			expect.stringContaining('(field: Last_Name)'),
		]);
		expect(output[1].json.error).not.toContain('MANDATORY_NOT_FOUND');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(bigin.calls().filter((call) => call === 'POST /Contacts')).toHaveLength(1);
	});

	it('retries a 429 with Retry-After and creates the record once', async () => {
		await bigin.client.control('POST', 'faults', {
			path: '/bigin/v2/Contacts',
			method: 'POST',
			kind: 429,
			retryAfterSeconds: 1,
		});
		const before = (await bigin.records('Contacts')).length;
		const output = await bigin.run(create({ Last_Name: 'Patient' }));
		expect(output[0].json.id).toBeDefined();
		expect(bigin.calls().filter((call) => call === 'POST /Contacts')).toHaveLength(2);
		expect(await bigin.records('Contacts')).toHaveLength(before + 1);
	});

	it('never repeats a create after a server error, so no record is created twice', async () => {
		await bigin.client.control('POST', 'faults', {
			path: '/bigin/v2/Contacts',
			method: 'POST',
			kind: 500,
		});
		await expect(bigin.run(create({ Last_Name: 'Once' }))).rejects.toThrow('INTERNAL_ERROR');
		expect(bigin.calls().filter((call) => call === 'POST /Contacts')).toHaveLength(1);
	});
});
