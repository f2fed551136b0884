import type { IDataObject } from 'n8n-workflow';

import type { StoredChannel } from '../../../../nodes/Bigin/trigger/storedChannel';
import {
	clearStoredChannel,
	readStoredChannel,
	writeStoredChannel,
} from '../../../../nodes/Bigin/trigger/storedChannel';
import { channelSettings } from '../../../support/channelSettings';

const channel: StoredChannel = {
	...channelSettings(),
	expiresAt: '2026-11-28T10:00:00+03:00',
	grantedAt: Date.parse('2026-11-27T10:00:00Z'),
	renewBy: 'put',
	failedRenewals: 0,
};

describe("The trigger's channel in the node's static data", () => {
	it('reads back what was written, and nothing once cleared, leaving the rest of the static data alone', () => {
		const staticData: IDataObject = { other: 1 };
		writeStoredChannel(staticData, channel);
		expect(readStoredChannel(staticData)).toEqual(channel);
		clearStoredChannel(staticData);
		expect(readStoredChannel(staticData)).toBeUndefined();
		expect(staticData).toEqual({ other: 1 });
	});

	it.each([
		['empty static data', {}],
		['static data another node saved over it', { global: { counter: 1 } }],
		['a channel without token', { channel: { definition: { channel_id: '1' } } }],
	])('reads no channel from %s', (_label, staticData: IDataObject) => {
		expect(readStoredChannel(staticData)).toBeUndefined();
	});
});
