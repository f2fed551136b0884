import type { IDataObject, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import type { RunningSimulator } from '../../bigin-simulator';
import { startSimulator } from '../../bigin-simulator';
import { executeContext } from '../../support/contexts';
import type { Credentials, RequestRecorder } from '../../support/nodeHarness';
import { items, simulatorCredentials, testNode } from '../../support/nodeHarness';
import { simClient } from '../../support/simClient';
import { Bigin } from '../../../nodes/Bigin/Bigin.node';

const HOUR = 3600 * 1000;
const NOTIFY_URL = 'https://n8n.example.com/webhook/receiver';

describe('Bigin node: notification channels, against the Bigin simulator', () => {
	let sim: RunningSimulator;
	let client: ReturnType<typeof simClient>;
	let credentials: Credentials;
	let recorder: RequestRecorder;
	const node = new Bigin();

	beforeAll(async () => {
		sim = await startSimulator();
		client = simClient(sim);
	});
	afterAll(async () => await sim.stop());
	beforeEach(async () => {
		sim.state.reset();
		credentials = await simulatorCredentials(sim);
		recorder = { requests: [], refreshes: 0 };
	});

	async function run(
		parameters: IDataObject | ((itemIndex: number) => IDataObject),
		options: { input?: INodeExecutionData[]; continueOnFail?: boolean } = {},
	): Promise<INodeExecutionData[]> {
		const context = executeContext({
			node: testNode('bigin'),
			credentials,
			parameters,
			input: options.input ?? items({}),
			continueOnFail: options.continueOnFail,
			recorder,
		});
		const [output] = await node.execute.call(context);
		return output;
	}

	const enable = (extra: IDataObject = {}): IDataObject => ({
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

	const channels = async () => (await client.control('GET', 'channels')).channels as IDataObject[];

	describe('Enable', () => {
		it('creates the channel as specified and outputs one item for it, its modules inside, without the token', async () => {
			const output = await run(
				enable({
					customEvents: 'Pipelines.all',
					options: { notifyOnRelatedAction: true, returnAffectedFieldValues: true },
				}),
			);
			const [created] = await channels();
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
			expect((channel.json.modules as IDataObject[]).map((module) => module.resource_name)).toEqual(
				['Contacts', 'Accounts', 'Pipelines'],
			);
			expect(Date.parse(String(channel.json.channel_expiry))).toBeGreaterThan(
				Date.now() + 5 * HOUR,
			);
			expect(channel.pairedItem).toEqual({ item: 0 });
			expect(JSON.stringify(output)).not.toContain('my-receiver-secret');
		});

		it('generates a digits-only channel id and a token when left empty', async () => {
			const output = await run(enable({ channelId: '', token: '' }));
			const [created] = await channels();
			expect(created.channel_id).toMatch(/^\d{15}$/);
			expect(String(created.token)).toHaveLength(40);
			expect(output[0].json.channel_id).toBe(created.channel_id);
			expect(JSON.stringify(output)).not.toContain(String(created.token));
		});

		it('expires at a chosen date and time', async () => {
			const at = new Date(Date.now() + 3 * HOUR).toISOString();
			await run(enable({ expiryType: 'dateTime', expiresAt: at }));
			const [created] = await channels();
			expect(Math.abs((created.expires_in_seconds as number) - 3 * 3600)).toBeLessThan(10);
		});

		it('enables one channel per input item', async () => {
			const output = await run(
				(itemIndex) => enable({ channelId: `100${itemIndex}`, events: ['Tasks.all'] }),
				{ input: items({}, {}) },
			);
			expect((await channels()).map((channel) => channel.channel_id)).toEqual(['1000', '1001']);
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
			await expect(run(enable(overrides))).rejects.toThrow(message);
			expect(recorder.requests).toHaveLength(0);
			expect(await channels()).toHaveLength(0);
		});

		it("names Bigin's code for a whole-request error", async () => {
			credentials = await simulatorCredentials(sim, 'ZohoBigin.modules.ALL');
			await expect(run(enable())).rejects.toThrow(
				'Bigin error OAUTH_SCOPE_MISMATCH: invalid oauth scope to access this URL',
			);
		});

		it('with Continue On Fail, turns a failing item into an error item and goes on', async () => {
			const output = await run(
				(itemIndex) => enable({ channelId: itemIndex === 0 ? 'abc' : '2002' }),
				{ input: items({}, {}), continueOnFail: true },
			);
			expect(output[0]).toEqual({
				json: { error: expect.stringContaining('must be 1 to 18 digits') },
				pairedItem: { item: 0 },
			});
			expect(output).toHaveLength(2);
			expect(output[1]).toMatchObject({ json: { channel_id: '2002' }, pairedItem: { item: 1 } });
			expect((await channels()).map((channel) => channel.channel_id)).toEqual(['2002']);
		});
	});

	describe('Get Many', () => {
		const getMany = (extra: IDataObject = {}): IDataObject => ({
			resource: 'notification',
			operation: 'getAll',
			returnAll: true,
			filters: {},
			...extra,
		});

		it('lists one item per channel, its modules inside, without tokens', async () => {
			await run(enable());
			const output = await run(getMany());
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
			expect(await run(getMany())).toEqual([]);
		});

		it('filters by channel id and module', async () => {
			await run(enable());
			await run(enable({ channelId: '1002', events: ['Accounts.all'] }));
			expect(
				(await run(getMany({ filters: { channelId: '1002' } }))).map(
					(item) => item.json.channel_id,
				),
			).toEqual(['1002']);
			expect(
				(await run(getMany({ filters: { module: 'Accounts' } }))).map(
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
			const token = await client.token();
			await client.request('POST', '/bigin/v2/actions/watch', { token, body: { watch } });
			await client.request('POST', '/bigin/v2/actions/watch', {
				token,
				body: { watch: watch.slice(0, 10).map((w) => ({ ...w, channel_id: `6${w.channel_id}` })) },
			});
			const seven = await run(getMany({ returnAll: false, limit: 7 }));
			expect(seven).toHaveLength(7);
			expect(seven.every((item) => (item.json.modules as IDataObject[]).length === 2)).toBe(true);
			recorder.requests.length = 0;
			const all = await run(getMany());
			expect(all).toHaveLength(110);
			expect(all.every((item) => (item.json.modules as IDataObject[]).length === 2)).toBe(true);
			expect(recorder.requests.map((request) => (request.qs as IDataObject).page)).toEqual([1, 2]);
		});

		it('refuses a non-numeric channel id filter', async () => {
			await expect(run(getMany({ filters: { channelId: 'x1' } }))).rejects.toThrow(
				'must be 1 to 18 digits',
			);
		});
	});

	describe('Update', () => {
		const update = (extra: IDataObject = {}): IDataObject => ({
			...enable(),
			operation: 'update',
			events: ['Pipelines.edit'],
			notifyUrl: 'https://n8n.example.com/webhook/other',
			token: '',
			...extra,
		});

		it('replaces events, URL and expiry, keeping the token when none is given', async () => {
			await run(enable());
			const output = await run(update({ expiresInHours: 12 }));
			const [channel] = await channels();
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
			await run(enable());
			await run(update({ token: 'rotated' }));
			expect((await channels())[0].token).toBe('rotated');
		});

		it('says clearly when the channel is gone', async () => {
			await expect(run(update())).rejects.toThrow(
				'Bigin has no channel 1001: it expired or was disabled',
			);
		});

		it("names Bigin's per-item error inside HTTP 202", async () => {
			await expect(run(update({ token: 'given' }))).rejects.toThrow(
				'Bigin error NOT_SUBSCRIBED: the given channel is not subscribed (field: channel_id)',
			);
		});
	});

	describe('Renew', () => {
		it('pushes the expiry back and keeps events, URL, token and options', async () => {
			await run(enable({ expiresInHours: 1, options: { notifyOnRelatedAction: true } }));
			const output = await run({
				resource: 'notification',
				operation: 'renew',
				channelId: '1001',
				expiryType: 'hours',
				expiresInHours: 23,
			});
			const [channel] = await channels();
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
			expect(recorder.requests.map((request) => request.method)).toEqual(['POST', 'GET', 'PUT']);
		});

		it('says clearly when the channel is gone', async () => {
			await expect(
				run({
					resource: 'notification',
					operation: 'renew',
					channelId: '1001',
					expiryType: 'hours',
					expiresInHours: 23,
				}),
			).rejects.toThrow('Use the Enable operation to create it again');
		});
	});

	describe('Disable Events', () => {
		it('removes only the given events', async () => {
			await run(enable({ events: ['Contacts.create', 'Contacts.edit', 'Accounts.edit'] }));
			const output = await run({
				resource: 'notification',
				operation: 'disableEvents',
				channelId: '1001',
				events: ['Contacts.edit'],
				customEvents: '',
			});
			expect((await channels())[0].events).toEqual(['Contacts.create', 'Accounts.edit']);
			expect(output[0].json).toMatchObject({
				channel_id: '1001',
				disabled_events: ['Contacts.edit'],
				remaining_modules: ['Contacts', 'Accounts'],
			});
			expect((recorder.requests[1].body as IDataObject).watch).toEqual([
				{ channel_id: '1001', events: ['Contacts.edit'], _delete_events: true },
			]);
		});

		it("names Bigin's per-item error for an unknown channel", async () => {
			await expect(
				run({
					resource: 'notification',
					operation: 'disableEvents',
					channelId: '77',
					events: ['Contacts.edit'],
					customEvents: '',
				}),
			).rejects.toThrow('Bigin error NOT_SUBSCRIBED');
		});
	});

	describe('Disable', () => {
		it('deletes channels and reports one Bigin no longer has, without failing', async () => {
			await run(enable());
			const output = await run({
				resource: 'notification',
				operation: 'disable',
				channelIds: '1001, 999',
			});
			expect(await channels()).toEqual([]);
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
				run({ resource: 'notification', operation: 'disable', channelIds: ' , ' }),
			).rejects.toThrow('Channel IDs is empty');
			await expect(
				run({ resource: 'notification', operation: 'disable', channelIds: '1, two' }),
			).rejects.toThrow('"two" must be 1 to 18 digits');
			expect(recorder.requests).toHaveLength(0);
		});
	});

	it('describes itself for the editor and for AI agents', () => {
		const { description } = node;
		expect(description).toMatchObject({
			name: 'bigin',
			usableAsTool: true,
			subtitle: expect.stringContaining('operation'),
		});
		const operations = description.properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes('notification'),
		);
		expect((operations?.options as INodePropertyOptions[]).map((option) => option.value)).toEqual([
			'disable',
			'disableEvents',
			'enable',
			'getAll',
			'renew',
			'update',
		]);
		expect(
			(operations?.options as INodePropertyOptions[]).every(
				(option) => typeof option.action === 'string' && typeof option.description === 'string',
			),
		).toBe(true);
	});
});
