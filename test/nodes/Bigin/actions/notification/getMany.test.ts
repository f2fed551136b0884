import type { IDataObject } from 'n8n-workflow';

import { useBiginNode } from '../../../../support/actionHarness';
import { NOTIFY_URL, enable } from './parameters';

describe('Bigin node, Notification: Get Many, against the simulator', () => {
	const bigin = useBiginNode();

	const getMany = (extra: IDataObject = {}): IDataObject => ({
		resource: 'notification',
		operation: 'getAll',
		returnAll: true,
		filters: {},
		...extra,
	});

	it('lists one item per channel, its modules inside, without tokens', async () => {
		await bigin.run(enable());
		const output = await bigin.run(getMany());
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({
			channel_id: '1001',
			events: ['Contacts.create', 'Accounts.edit'],
			notify_url: NOTIFY_URL,
			has_token: true,
			notify_on_related_action: false,
		});
		expect(output[0].json.modules).toEqual([
			expect.objectContaining({ resource_name: 'Contacts', events: ['Contacts.create'] }),
			expect.objectContaining({ resource_name: 'Accounts', events: ['Accounts.edit'] }),
		]);
		expect(JSON.stringify(output)).not.toContain('my-receiver-secret');
	});

	it('returns nothing when Bigin answers 204', async () => {
		expect(await bigin.run(getMany())).toEqual([]);
	});

	it('filters by channel id and module', async () => {
		await bigin.run(enable());
		await bigin.run(enable({ channelId: '1002', events: ['Accounts.all'] }));
		expect(
			(await bigin.run(getMany({ filters: { channelId: '1002' } }))).map(
				(item) => item.json.channel_id,
			),
		).toEqual(['1002']);
		expect(
			(await bigin.run(getMany({ filters: { module: 'Accounts' } }))).map(
				(item) => item.json.channel_id,
			),
		).toEqual(['1001', '1002']);
	});

	it('stops at the limit, and pages through everything with Return All', async () => {
		const watch = Array.from({ length: 100 }, (_, index) => ({
			channel_id: String(5000 + index),
			events: ['Contacts.create', 'Tasks.edit'],
			notify_url: NOTIFY_URL,
		}));
		const token = await bigin.client.token();
		await bigin.client.request('POST', '/bigin/v2/actions/watch', { token, body: { watch } });
		await bigin.client.request('POST', '/bigin/v2/actions/watch', {
			token,
			body: { watch: watch.slice(0, 10).map((w) => ({ ...w, channel_id: `6${w.channel_id}` })) },
		});
		const seven = await bigin.run(getMany({ returnAll: false, limit: 7 }));
		expect(seven).toHaveLength(7);
		expect(seven.every((item) => (item.json.modules as IDataObject[]).length === 2)).toBe(true);
		bigin.recorder.requests.length = 0;
		const all = await bigin.run(getMany());
		expect(all).toHaveLength(110);
		expect(all.every((item) => (item.json.modules as IDataObject[]).length === 2)).toBe(true);
		expect(bigin.recorder.requests.map((request) => (request.qs as IDataObject).page)).toEqual([
			1, 2,
		]);
	});

	it('refuses a non-numeric channel id filter', async () => {
		await expect(bigin.run(getMany({ filters: { channelId: 'x1' } }))).rejects.toThrow(
			'must be 1 to 18 digits',
		);
	});
});
