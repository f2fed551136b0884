import type { IDataObject } from 'n8n-workflow';

import { useBiginNode } from '../../../../support/actionHarness';
import { channels, enable } from './parameters';

describe('Bigin node, Notification: Update, against the simulator', () => {
	const bigin = useBiginNode();

	const update = (extra: IDataObject = {}): IDataObject => ({
		...enable(),
		operation: 'update',
		events: ['Pipelines.edit'],
		notifyUrl: 'https://n8n.example.com/webhook/other',
		token: '',
		...extra,
	});

	it('replaces events, URL and expiry, keeping the token when none is given', async () => {
		await bigin.run(enable());
		const output = await bigin.run(update({ expiresInHours: 12 }));
		const [channel] = await channels(bigin);
		expect(channel).toMatchObject({
			events: ['Pipelines.edit'],
			notify_url: 'https://n8n.example.com/webhook/other',
			token: 'my-receiver-secret',
		});
		expect(Math.abs((channel.expires_in_seconds as number) - 12 * 3600)).toBeLessThan(10);
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({ channel_id: '1001', events: ['Pipelines.edit'] });
		expect((output[0].json.modules as IDataObject[]).map((m) => m.resource_name)).toEqual([
			'Pipelines',
		]);
	});

	it('sets a new token when one is given', async () => {
		await bigin.run(enable());
		await bigin.run(update({ token: 'rotated' }));
		expect((await channels(bigin))[0].token).toBe('rotated');
	});

	it('says clearly when the channel is gone', async () => {
		await expect(bigin.run(update())).rejects.toThrow(
			'Bigin has no channel 1001: it expired or was disabled',
		);
	});

	it("names Bigin's per-item error inside HTTP 202", async () => {
		await expect(bigin.run(update({ token: 'given' }))).rejects.toThrow(
			'Bigin error NOT_SUBSCRIBED: the given channel is not subscribed (field: channel_id)',
		);
	});
});
