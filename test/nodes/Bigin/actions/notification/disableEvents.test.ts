import type { IDataObject } from 'n8n-workflow';

import { useBiginNode } from '../../../../support/actionHarness';
import { channels, enable } from './parameters';

describe('Bigin node, Notification: Disable Events, against the simulator', () => {
	const bigin = useBiginNode();

	it('removes only the given events', async () => {
		await bigin.run(enable({ events: ['Contacts.create', 'Contacts.edit', 'Accounts.edit'] }));
		const output = await bigin.run({
			resource: 'notification',
			operation: 'disableEvents',
			channelId: '1001',
			events: ['Contacts.edit'],
			customEvents: '',
		});
		expect((await channels(bigin))[0].events).toEqual(['Contacts.create', 'Accounts.edit']);
		expect(output[0].json).toMatchObject({
			channel_id: '1001',
			disabled_events: ['Contacts.edit'],
			remaining_modules: ['Contacts', 'Accounts'],
		});
		expect((bigin.recorder.requests[1].body as IDataObject).watch).toEqual([
			{ channel_id: '1001', events: ['Contacts.edit'], _delete_events: true },
		]);
	});

	it("names Bigin's per-item error for an unknown channel", async () => {
		await expect(
			bigin.run({
				resource: 'notification',
				operation: 'disableEvents',
				channelId: '77',
				events: ['Contacts.edit'],
				customEvents: '',
			}),
		).rejects.toThrow('Bigin error NOT_SUBSCRIBED');
	});
});
