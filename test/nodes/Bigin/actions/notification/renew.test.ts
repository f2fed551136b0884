import type { IDataObject } from 'n8n-workflow';

import { useBiginNode } from '../../../../support/actionHarness';
import { NOTIFY_URL, channels, enable } from './parameters';

describe('Bigin node, Notification: Renew, against the simulator', () => {
	const bigin = useBiginNode();

	it('pushes the expiry back and keeps events, URL, token and options', async () => {
		await bigin.run(enable({ expiresInHours: 1, options: { notifyOnRelatedAction: true } }));
		const output = await bigin.run({
			resource: 'notification',
			operation: 'renew',
			channelId: '1001',
			expiryType: 'hours',
			expiresInHours: 23,
		});
		const [channel] = await channels(bigin);
		expect(channel).toMatchObject({
			events: ['Contacts.create', 'Accounts.edit'],
			notify_url: NOTIFY_URL,
			token: 'my-receiver-secret',
			notify_on_related_action: true,
		});
		expect(channel.expires_in_seconds).toBeGreaterThan(22 * 3600);
		expect(output).toHaveLength(1);
		expect((output[0].json.modules as IDataObject[]).map((m) => m.resource_name)).toEqual([
			'Contacts',
			'Accounts',
		]);
		expect(bigin.recorder.requests.map((request) => request.method)).toEqual([
			'POST',
			'GET',
			'PUT',
		]);
	});

	it('says clearly when the channel is gone', async () => {
		await expect(
			bigin.run({
				resource: 'notification',
				operation: 'renew',
				channelId: '1001',
				expiryType: 'hours',
				expiresInHours: 23,
			}),
		).rejects.toThrow('Use the Enable operation to create it again');
	});
});
