import type { IDataObject } from 'n8n-workflow';

import { useBiginNode } from '../../../../support/actionHarness';
import { HOUR, NOTIFY_URL, channels, enable } from './parameters';
import { items, simulatorCredentials } from '../../../../../tools/contexts/nodeHarness';

describe('Bigin node, Notification: Enable, against the simulator', () => {
	const bigin = useBiginNode();

	it('creates the channel as specified and outputs one item for it, its modules inside, without the token', async () => {
		const output = await bigin.run(
			enable({
				customEvents: 'Pipelines.all',
				options: { notifyOnRelatedAction: true, includeChangedValues: true },
			}),
		);
		const [created] = await channels(bigin);
		expect(created).toMatchObject({
			channel_id: '1001',
			events: ['Contacts.create', 'Accounts.edit', 'Pipelines.all'],
			notify_url: NOTIFY_URL,
			token: 'my-receiver-secret',
			notify_on_related_action: true,
			return_affected_field_values: true,
		});
		expect(Math.abs((created.expires_in_seconds as number) - 6 * 3600)).toBeLessThan(10);

		expect(output).toHaveLength(1);
		const [channel] = output;
		expect(channel.json).toMatchObject({
			channel_id: '1001',
			events: ['Contacts.create', 'Accounts.edit', 'Pipelines.all'],
			notify_url: NOTIFY_URL,
			notify_on_related_action: true,
			return_affected_field_values: true,
			has_token: true,
		});
		expect((channel.json.modules as IDataObject[]).map((module) => module.resource_name)).toEqual([
			'Contacts',
			'Accounts',
			'Pipelines',
		]);
		expect(Date.parse(String(channel.json.channel_expiry))).toBeGreaterThan(Date.now() + 5 * HOUR);
		expect(channel.pairedItem).toEqual({ item: 0 });
		expect(JSON.stringify(output)).not.toContain('my-receiver-secret');
	});

	it('generates a digits-only channel id and a token when left empty', async () => {
		const output = await bigin.run(enable({ channelId: '', token: '' }));
		const [created] = await channels(bigin);
		expect(created.channel_id).toMatch(/^\d{15}$/);
		expect(String(created.token)).toHaveLength(40);
		expect(output[0].json.channel_id).toBe(created.channel_id);
		expect(JSON.stringify(output)).not.toContain(String(created.token));
	});

	it('expires at a chosen date and time', async () => {
		const at = new Date(Date.now() + 3 * HOUR).toISOString();
		await bigin.run(enable({ expiryType: 'dateTime', expiresAt: at }));
		const [created] = await channels(bigin);
		expect(Math.abs((created.expires_in_seconds as number) - 3 * 3600)).toBeLessThan(10);
	});

	it('enables one channel per input item', async () => {
		const output = await bigin.run(
			(itemIndex) => enable({ channelId: `100${itemIndex}`, events: ['Tasks.all'] }),
			{ input: items({}, {}) },
		);
		expect((await channels(bigin)).map((channel) => channel.channel_id)).toEqual(['1000', '1001']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it.each([
		['no events', { events: [], customEvents: '' }, 'No events chosen'],
		['a malformed event', { customEvents: 'Contacts' }, 'write it as Module.operation'],
		['an unknown module', { customEvents: 'Deals.create' }, 'which Bigin cannot watch'],
		[
			'a bad operation',
			{ customEvents: 'Contacts.update' },
			'Use one of: create, edit, delete, all',
		],
		['a token over 50 characters', { token: 'x'.repeat(51) }, 'Bigin accepts at most 50'],
		['a non-numeric channel id', { channelId: 'abc' }, 'must be 1 to 18 digits'],
		[
			'an expiry in the past',
			{ expiryType: 'dateTime', expiresAt: new Date(Date.now() - HOUR).toISOString() },
			'in the past',
		],
		[
			'an expiry over 24 hours ahead',
			{ expiryType: 'dateTime', expiresAt: new Date(Date.now() + 30 * HOUR).toISOString() },
			'more than 24 hours ahead',
		],
		['25 hours', { expiresInHours: 25 }, '1 to 24 hours'],
		['a notify URL that is no URL', { notifyUrl: 'not a url' }, 'is not a valid URL'],
	])('refuses %s before calling Bigin', async (_label, overrides, message) => {
		await expect(bigin.run(enable(overrides))).rejects.toThrow(message);
		expect(bigin.recorder.requests).toHaveLength(0);
		expect(await channels(bigin)).toHaveLength(0);
	});

	it("names Bigin's code for a whole-request error", async () => {
		bigin.credentials = await simulatorCredentials(bigin.sim, 'ZohoBigin.modules.ALL');
		await expect(bigin.run(enable())).rejects.toThrow(
			'Bigin error OAUTH_SCOPE_MISMATCH: invalid oauth scope to access this URL',
		);
	});

	it('with Continue On Fail, turns a failing item into an error item and goes on', async () => {
		const output = await bigin.run(
			(itemIndex) => enable({ channelId: itemIndex === 0 ? 'abc' : '2002' }),
			{ input: items({}, {}), continueOnFail: true },
		);
		expect(output[0]).toEqual({
			json: { error: expect.stringContaining('must be 1 to 18 digits') },
			pairedItem: { item: 0 },
		});
		expect(output).toHaveLength(2);
		expect(output[1]).toMatchObject({ json: { channel_id: '2002' }, pairedItem: { item: 1 } });
		expect((await channels(bigin)).map((channel) => channel.channel_id)).toEqual(['2002']);
	});
});
