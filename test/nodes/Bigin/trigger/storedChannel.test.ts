import type { IDataObject } from 'n8n-workflow';

import type { StoredChannel } from '../../../../nodes/Bigin/trigger/storedChannel';
import {
	clearStoredChannel,
	readStoredChannel,
	writeStoredChannel,
} from '../../../../nodes/Bigin/trigger/storedChannel';

const channel: StoredChannel = {
	channelId: '123456789012345',
	notifyUrl: 'https://n8n.example.com/webhook/abc/webhook',
	expiresAt: '2026-11-28T10:00:00+03:00',
	grantedAt: Date.parse('2026-11-27T10:00:00Z'),
	renewBy: 'put',
};

/** What release 0.1.0 stored: flat keys, the verification token among them. */
const release010 = {
	channelId: '123456789012345',
	token: 'a-stored-token-0000000000000000000000000',
	notifyUrl: 'https://n8n.example.com/webhook/abc/webhook',
	events: ['Contacts.create'],
	notifyOnRelatedAction: false,
	lifetimeHours: 23,
	expiresAt: '2026-11-28T10:00:00+03:00',
	grantedAt: 1,
	failedRenewals: 0,
};

/** What this package stored before its tokens were derived on use: the whole definition. */
const definitionWithToken = {
	channel: {
		definition: {
			channel_id: '123456789012345',
			token: 'a-stored-token-0000000000000000000000000',
			events: ['Contacts.create'],
		},
		lifetimeHours: 23,
		expiresAt: '2026-11-28T10:00:00+03:00',
		grantedAt: 1,
	},
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

	it('keeps only what cannot be derived: no token, no events, no options', () => {
		const staticData: IDataObject = {};
		writeStoredChannel(staticData, channel);
		expect(Object.keys(staticData.channel as IDataObject).sort()).toEqual([
			'channelId',
			'expiresAt',
			'grantedAt',
			'notifyUrl',
			'renewBy',
		]);
	});

	it.each([
		['release 0.1.0 (flat keys)', release010],
		['earlier versions of this one (the definition)', definitionWithToken],
	])('drops the token %s stored, and all else it stored, on the next write', (_label, older) => {
		const staticData: IDataObject = { ...structuredClone(older), global: { counter: 1 } };
		expect(readStoredChannel(staticData)).toBeUndefined();
		writeStoredChannel(staticData, channel);
		expect(JSON.stringify(staticData)).not.toContain('a-stored-token');
		expect(staticData).toEqual({ channel, global: { counter: 1 } });
	});

	it.each([
		['empty static data', {}],
		['static data another node saved over it', { global: { counter: 1 } }],
		['a channel without notify URL', { channel: { channelId: '1', expiresAt: 'x', grantedAt: 1 } }],
	])('reads no channel from %s', (_label, staticData: IDataObject) => {
		expect(readStoredChannel(staticData)).toBeUndefined();
	});
});
