import type { IDataObject } from 'n8n-workflow';

import { byId, mapped, recordParameters, useBiginNode } from '../../../../support/actionHarness';
import { items } from '../../../../../tools/contexts/nodeHarness';

describe('Bigin node, Record: Update, against the simulator', () => {
	const bigin = useBiginNode();

	const update = (id: string, value: IDataObject, extra: IDataObject = {}) =>
		recordParameters('update', { recordId: byId(id), columns: mapped(value), ...extra });

	it('changes only the given fields, a custom one included, and reads them back', async () => {
		const id = await bigin.seed('Contacts', { Last_Name: 'Lopez', Title: 'Buyer' });
		const [item] = await bigin.run(update(id, { Customer_Tier: 'Platinum', Title: '' }));
		expect(item.json).toMatchObject({ id, Modified_Time: expect.any(String) });
		expect(item.json.Customer_Tier).toBe('Platinum');
		expect(item.json).not.toHaveProperty('Title');
		const [read] = await bigin.run(recordParameters('get', { recordId: byId(id) }));
		expect(read.json).toMatchObject({
			Last_Name: 'Lopez',
			Title: 'Buyer',
			Customer_Tier: 'Platinum',
		});
	});

	it('moves a pipeline record across the stages of a Team Pipeline that is not the default one', async () => {
		const { data: layouts } = {
			data: (
				await bigin.client.request('GET', '/bigin/v2/settings/layouts?module=Pipelines', {
					token: await bigin.client.token(),
				})
			).body.layouts as Array<{ id: string; name: string }>,
		};
		const partnerships = layouts.find((layout) => layout.name === 'Partnerships');
		expect(partnerships).toBeDefined();
		const teamPipeline = String(partnerships?.id);
		const [created] = await bigin.run(
			recordParameters('create', {
				module: 'Pipelines',
				teamPipeline,
				subPipeline: 'Partner Onboarding',
				stage: 'Prospect',
				columns: mapped({ Deal_Name: 'Reseller deal', Amount: 900 }),
			}),
		);
		const id = String(created.json.id);
		for (const stage of ['Agreement Sent', 'Onboarding', 'Active Partner']) {
			await bigin.run(
				update(
					id,
					{},
					{ module: 'Pipelines', teamPipeline, subPipeline: 'Partner Onboarding', stage },
				),
			);
			const stored = (await bigin.records('Pipelines')).find((record) => record.id === id);
			expect(stored).toMatchObject({
				Stage: stage,
				Sub_Pipeline: 'Partner Onboarding',
				Pipeline: { id: teamPipeline, name: 'Partnerships' },
			});
		}
	});

	it('refuses a stage its sub-pipeline does not have, naming the valid ones, before writing', async () => {
		const id = await bigin.seed('Pipelines', {
			Deal_Name: 'Deal',
			Sub_Pipeline: 'Sales Pipeline Standard',
			Stage: 'Qualification',
		});
		const layouts = (
			await bigin.client.request('GET', '/bigin/v2/settings/layouts?module=Pipelines', {
				token: await bigin.client.token(),
			})
		).body.layouts as Array<{ id: string; name: string }>;
		const sales = String(layouts.find((layout) => layout.name === 'Sales Pipeline')?.id);
		await expect(
			bigin.run(
				update(
					id,
					{},
					{
						module: 'Pipelines',
						teamPipeline: sales,
						subPipeline: 'Sales Pipeline Standard',
						stage: 'Onboarding',
					},
				),
			),
		).rejects.toThrow(
			'The sub-pipeline "Sales Pipeline Standard" has no stage "Onboarding". Its stages: Qualification',
		);
		expect(bigin.calls().some((call) => call.startsWith('PUT'))).toBe(false);
	});

	it('refuses a stage without its Team Pipeline and sub-pipeline before calling Bigin', async () => {
		await expect(
			bigin.run(update('6756839000000000001', {}, { module: 'Pipelines', stage: 'Proposal' })),
		).rejects.toThrow('needs its Team Pipeline, Sub-Pipeline and Stage together');
		expect(bigin.calls()).toEqual([]);
	});

	it('updates several items in one call, each with its own output', async () => {
		const first = await bigin.seed('Contacts', { Last_Name: 'One' });
		const second = await bigin.seed('Contacts', { Last_Name: 'Two' });
		const output = await bigin.run(
			(itemIndex) => update(itemIndex === 0 ? first : second, { Title: `Title ${itemIndex}` }),
			{ input: items({}, {}) },
		);
		expect(output.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[first, { item: 0 }],
			[second, { item: 1 }],
		]);
		expect(bigin.calls().filter((call) => call === 'PUT /Contacts')).toHaveLength(1);
	});

	it("reports Bigin's per-record error for an unknown id on that item only, with Continue On Fail", async () => {
		const known = await bigin.seed('Contacts', { Last_Name: 'Known' });
		const output = await bigin.run(
			(itemIndex) => update(itemIndex === 0 ? '6756839000000999999' : known, { Title: 'Lead' }),
			{ input: items({}, {}), continueOnFail: true },
		);
		expect(output[0]).toEqual({
			json: {
				error: expect.stringContaining(
					'Bigin error INVALID_DATA: the id given seems to be invalid (field: id)',
				),
			},
			pairedItem: { item: 0 },
		});
		expect(output[1]).toMatchObject({ json: { id: known }, pairedItem: { item: 1 } });
	});

	it('refuses an update with nothing to change', async () => {
		await expect(bigin.run(update('6756839000000000001', {}))).rejects.toThrow('Nothing to update');
	});

	it('retries a 429 under a concurrency limit', async () => {
		const id = await bigin.seed('Contacts', { Last_Name: 'Busy' });
		await bigin.client.control('POST', 'faults', {
			path: '/bigin/v2/Contacts',
			method: 'PUT',
			kind: 429,
			retryAfterSeconds: 1,
		});
		const [item] = await bigin.run(update(id, { Title: 'Calm' }));
		expect(item.json.id).toBe(id);
		expect(bigin.calls().filter((call) => call === 'PUT /Contacts')).toHaveLength(2);
	});
});
