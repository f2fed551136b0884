import { useBiginNode } from '../../../../support/actionHarness';
import { channels, enable } from './parameters';

describe('Bigin node, Notification: Disable, against the simulator', () => {
	const bigin = useBiginNode();

	it('deletes channels and reports one Bigin no longer has, without failing', async () => {
		await bigin.run(enable());
		const output = await bigin.run({
			resource: 'notification',
			operation: 'disable',
			channelIds: '1001, 999',
		});
		expect(await channels(bigin)).toEqual([]);
		expect(output.map((item) => item.json)).toEqual([
			{
				channel_id: '1001',
				disabled: true,
				modules: ['Contacts', 'Accounts'],
				code: 'SUCCESS',
				message: 'Channel disabled',
			},
			{
				channel_id: '999',
				disabled: false,
				modules: [],
				code: 'NOT_SUBSCRIBED',
				message: 'Bigin had no such channel: it was already disabled or had expired',
			},
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('refuses an empty or malformed list before calling Bigin', async () => {
		await expect(
			bigin.run({ resource: 'notification', operation: 'disable', channelIds: ' , ' }),
		).rejects.toThrow('Channel IDs is empty');
		await expect(
			bigin.run({ resource: 'notification', operation: 'disable', channelIds: '1, two' }),
		).rejects.toThrow('"two" must be 1 to 18 digits');
		expect(bigin.recorder.requests).toHaveLength(0);
	});
});
