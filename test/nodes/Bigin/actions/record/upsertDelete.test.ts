import { byId, mapped, recordParameters, useBiginNode } from '../../../../support/actionHarness';
import { items } from '../../../../../tools/contexts/nodeHarness';

describe('Bigin node, Record: Create or Update and Delete, against the simulator', () => {
	const bigin = useBiginNode();

	it('updates the record whose duplicate check field matches and creates the others, in one call', async () => {
		const existing = await bigin.seed('Contacts', { Last_Name: 'Lopez', Email: 'ana@example.com' });
		const output = await bigin.run(
			(itemIndex) =>
				recordParameters('upsert', {
					columns: mapped(
						itemIndex === 0
							? { Last_Name: 'Lopez', Email: 'ana@example.com', Title: 'CEO' }
							: { Last_Name: 'New', Email: 'new@example.com' },
						['Email'],
					),
				}),
			{ input: items({}, {}) },
		);
		expect(output[0].json).toMatchObject({
			id: existing,
			Title: 'CEO',
			Email: 'ana@example.com',
			Modified_Time: expect.any(String),
			action: 'update',
			duplicate_field: 'Email',
		});
		expect(output[1].json).toMatchObject({ Last_Name: 'New', action: 'insert' });
		expect(bigin.calls().filter((call) => call === 'POST /Contacts/upsert')).toHaveLength(1);
		expect(
			(bigin.recorder.requests.at(-1)?.body as { duplicate_check_fields: string[] })
				.duplicate_check_fields,
		).toEqual(['Email']);
		const stored = (await bigin.records('Contacts')).find((record) => record.id === existing);
		expect(stored?.Title).toBe('CEO');
	});

	it('retries an upsert after a server error, since repeating it is harmless', async () => {
		await bigin.client.control('POST', 'faults', { path: '/bigin/v2/Contacts/upsert', kind: 500 });
		const [item] = await bigin.run(
			recordParameters('upsert', {
				columns: mapped({ Last_Name: 'Safe', Email: 's@example.com' }, ['Email']),
			}),
		);
		expect(item.json.action).toBe('insert');
		expect(bigin.calls()).toEqual([
			'GET /settings/fields',
			'POST /Contacts/upsert',
			'POST /Contacts/upsert',
		]);
	});

	it('deletes several records in one call, and reports an unknown one on its own item', async () => {
		const first = await bigin.seed('Tasks', { Subject: 'Call back' });
		const second = await bigin.seed('Tasks', { Subject: 'Send quote' });
		const output = await bigin.run(
			(itemIndex) =>
				recordParameters('delete', {
					module: 'Tasks',
					recordId: byId([first, '6756839000000999999', second][itemIndex]),
				}),
			{ input: items({}, {}, {}), continueOnFail: true },
		);
		expect(output[0].json).toEqual({ id: first, deleted: true });
		expect(output[1].json.error).toContain('INVALID_DATA');
		expect(output[2].json).toEqual({ id: second, deleted: true });
		expect(bigin.calls()).toEqual(['DELETE /Tasks']);
		const left = (await bigin.records('Tasks')).map((record) => record.id);
		expect(left).not.toContain(first);
		expect(left).not.toContain(second);
	});

	it('without Continue On Fail, stops at the first failing record', async () => {
		await expect(
			bigin.run(
				recordParameters('delete', { module: 'Tasks', recordId: byId('6756839000000999999') }),
			),
		).rejects.toThrow('Bigin error INVALID_DATA');
	});

	it('refuses a record URL without an ID before deleting anything', async () => {
		await expect(
			bigin.run(
				recordParameters('delete', {
					recordId: { __rl: true, mode: 'url', value: 'https://bigin.zoho.com/' },
				}),
			),
		).rejects.toThrow('is not a Bigin record ID');
		expect(bigin.calls()).toEqual([]);
	});
});
