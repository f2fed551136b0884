import type { IDataObject } from 'n8n-workflow';

import type { BiginNodeFixture } from '../../../../support/actionHarness';

export const HOUR = 3600 * 1000;
export const NOTIFY_URL = 'https://n8n.example.com/webhook/receiver';

/** Enable's parameters as the editor saves them, with a fixed channel id and token. */
export const enable = (extra: IDataObject = {}): IDataObject => ({
	resource: 'notification',
	operation: 'enable',
	notifyUrl: NOTIFY_URL,
	events: ['Contacts.create', 'Accounts.edit'],
	customEvents: '',
	expiryType: 'hours',
	expiresInHours: 6,
	channelId: '1001',
	token: 'my-receiver-secret',
	options: {},
	...extra,
});

/** The channels the simulator holds, tokens included. */
export const channels = async (bigin: BiginNodeFixture) =>
	(await bigin.client.control('GET', 'channels')).channels as IDataObject[];
