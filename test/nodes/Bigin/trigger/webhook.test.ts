import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { WebhookReply } from '../../../../tools/contexts/contexts';
import { callWebhook, executeContext, startReceiver } from '../../../../tools/contexts/contexts';
import { deduplicationStore } from '../../../../tools/contexts/deduplication';
import type { Credentials } from '../../../../tools/contexts/nodeHarness';
import { simulatorCredentials, testNode } from '../../../../tools/contexts/nodeHarness';
import { channelSettings } from '../../../support/channelSettings';
import { useSimulator } from '../../../support/simulatorFixture';
import type { SimulatorFixture } from '../../../support/simulatorFixture';
import { BiginTrigger } from '../../../../nodes/Bigin/BiginTrigger.node';
import type { ChannelSettings } from '../../../../nodes/Bigin/trigger/settings';
import { writeStoredChannel } from '../../../../nodes/Bigin/trigger/storedChannel';

const trigger = new BiginTrigger();
const node = testNode('biginTrigger');
const CHANNEL = { channelId: '4711000000000001', token: 'a'.repeat(40) };

/** Static data holding the channel as activation stores it, its definition changed by `overrides`. */
const staticDataWith = (overrides: Partial<ChannelSettings['definition']> = {}): IDataObject => {
	const staticData: IDataObject = {};
	const settings = channelSettings({
		channel_id: CHANNEL.channelId,
		events: ['Contacts.all', 'Accounts.edit'],
		notify_url: 'http://127.0.0.1/webhook',
		token: CHANNEL.token,
		...overrides,
	});
	writeStoredChannel(staticData, {
		...settings,
		expiresAt: new Date(Date.now() + 3600_000).toISOString(),
		grantedAt: Date.now(),
	});
	return staticData;
};

const genuine = (overrides: IDataObject = {}): IDataObject => ({
	server_time: Date.now(),
	query_params: {},
	module: 'Contacts',
	ids: ['6756839000000575405'],
	affected_fields: [],
	operation: 'insert',
	channel_id: CHANNEL.channelId,
	token: CHANNEL.token,
	...overrides,
});

/** A small deterministic generator, so a failing body can be reproduced from the seed. */
function random(seed: number) {
	let state = seed;
	const next = () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
	const pick = <T>(values: T[]): T => values[Math.floor(next() * values.length)];
	const value = (depth: number): unknown =>
		pick<() => unknown>([
			() => null,
			() => undefined,
			() => pick([0, -1, 1e16, Number.MAX_SAFE_INTEGER, Number('6756839000000575405'), 3.5]),
			() => pick(['', 'insert', 'update', 'delete', 'Contacts', '6756839000000575405', '\u0000']),
			() => pick([true, false]),
			() =>
				depth > 2 ? [] : Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1)),
			() =>
				depth > 2
					? {}
					: Object.fromEntries(
							Array.from({ length: Math.floor(next() * 3) }, (_, i) => [
								pick(['record_id', 'values', '6756839000000575405', `k${i}`]),
								value(depth + 1),
							]),
						),
		])();
	return { next, pick, value };
}

describe('Bigin Trigger webhook: any body, never a throw', () => {
	const call = async (body: unknown, staticData: IDataObject = staticDataWith()) =>
		await callWebhook(trigger.webhook, { node, staticData, body });

	it.each([
		['affected_values as an object', { operation: 'update', affected_values: { 1: { Phone: 2 } } }],
		['affected_values holding null', { operation: 'update', affected_values: [null] }],
		['affected_fields holding null', { operation: 'update', affected_fields: [null, { x: null }] }],
		['ids as numbers', { ids: [1, 2] }],
	])('starts an execution for a genuine body with %s', async (_label, overrides) => {
		const reply = await call(genuine(overrides));
		expect(reply.result.workflowData?.[0].length).toBeGreaterThan(0);
	});

	it.each([
		['a server_time of 1e16', 200, { server_time: 1e16 }],
		['a server_time two hours old (a replay)', 200, { server_time: Date.now() - 2 * 3600_000 }],
		['an operation it does not know', 200, { operation: 'merge' }],
		['a module the channel does not watch', 200, { module: 'Products' }],
		['no server_time', 400, { server_time: undefined }],
		['ids as an object', 400, { ids: { 0: '1' } }],
		['an id that lost digits as a number', 400, { ids: [Number('6756839000000575405')] }],
		['no ids', 400, { ids: [] }],
		['a module that is a number', 400, { module: 7 }],
	])('answers %s with %i and starts nothing', async (_label, status, overrides) => {
		const reply = await call(genuine(overrides));
		expect(reply.status).toBe(status);
		expect(reply.result).toEqual({ noWebhookResponse: true });
	});

	it('outputs every id of a huge notification, each once', async () => {
		const ids = Array.from({ length: 5000 }, (_, i) => String(6756839000000000000n + BigInt(i)));
		const reply = await call(genuine({ ids: [...ids, ids[0]] }));
		expect(reply.result.workflowData?.[0]).toHaveLength(5000);
	});

	it('accepts another module only with Notify on Related Action', async () => {
		const related = staticDataWith({ notify_on_related_action: true });
		expect((await call(genuine({ module: 'Notes' }), related)).result.workflowData).toBeDefined();
	});

	it('survives 2,000 random bodies that carry the right token', async () => {
		for (let seed = 1; seed <= 2000; seed++) {
			const { next, value } = random(seed);
			const body: IDataObject = genuine();
			for (const key of [
				'server_time',
				'module',
				'ids',
				'operation',
				'affected_fields',
				'affected_values',
			]) {
				if (next() < 0.5) body[key] = value(0) as IDataObject[string];
			}
			let reply: WebhookReply;
			try {
				reply = await call(body);
			} catch (error) {
				throw new Error(`seed ${seed} threw ${String(error)} for ${JSON.stringify(body)}`);
			}
			expect([200, 400]).toContain(reply.status);
			for (const item of reply.result.workflowData?.[0] ?? []) {
				expect(typeof item.json.recordId).toBe('string');
				expect(JSON.stringify(item.json)).not.toContain(CHANNEL.token);
			}
		}
	});

	it('answers 401 instead of throwing when nothing can be read to verify the call', async () => {
		const broken = new Proxy(
			{},
			{
				get: () => {
					throw new Error('static data unavailable');
				},
			},
		);
		const reply = await call(genuine(), broken as IDataObject);
		expect(reply.status).toBe(401);
		expect(reply.result.workflowData).toBeUndefined();
	});
});

describe('Bigin Trigger webhook and execution over real HTTP', () => {
	let fixture: SimulatorFixture;
	useSimulator((f) => (fixture = f));
	let credentials: Credentials;
	let staticData: IDataObject;
	let executions: INodeExecutionData[][];
	let dedupe: ReturnType<typeof deduplicationStore>;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;

	beforeAll(async () => {
		receiver = await startReceiver(async (body) => {
			const reply = await callWebhook(trigger.webhook, { node, staticData, body });
			if (reply.result.workflowData) {
				const context = executeContext({
					node,
					credentials,
					parameters: { events: ['Contacts.all'], options: {} },
					input: reply.result.workflowData[0],
				});
				Object.assign(context.helpers, { checkProcessedAndRecord: dedupe.checkProcessedAndRecord });
				executions.push((await trigger.execute.call(context))[0]);
			}
			return reply;
		});
	});
	afterAll(async () => await receiver.stop());
	beforeEach(async () => {
		credentials = await simulatorCredentials(fixture.sim);
		staticData = staticDataWith();
		executions = [];
		dedupe = deduplicationStore();
	});

	const post = async (body: unknown) =>
		await fetch(receiver.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});

	it('runs a genuine notification once: a replay of the same body starts an execution that outputs nothing', async () => {
		const created = await fixture.client.control('POST', 'records/Contacts', { Last_Name: 'Once' });
		const id = created.data[0].details.id as string;
		const body = genuine({ ids: [id] });

		expect((await post(body)).status).toBe(200);
		expect((await post(body)).status).toBe(200);
		expect(executions).toHaveLength(2);
		expect(executions[0]).toHaveLength(1);
		expect(executions[0][0].json).toMatchObject({ recordId: id, recordFound: true });
		expect(executions[1]).toEqual([]);

		const reads = (await fixture.client.control('GET', 'requests')).requests.filter(
			(entry: { path: string }) => entry.path.endsWith(`/Contacts/${id}`),
		);
		expect(reads).toHaveLength(1);
	});

	it('runs two notifications that differ only in server_time, ids order aside, as two', async () => {
		const time = Date.now();
		await post(genuine({ ids: ['1', '2'], server_time: time, operation: 'delete' }));
		await post(genuine({ ids: ['2', '1'], server_time: time, operation: 'delete' }));
		await post(genuine({ ids: ['1', '2'], server_time: time + 1, operation: 'delete' }));
		expect(executions.map((items) => items.length)).toEqual([2, 0, 2]);
	});

	it('answers odd bodies sent over HTTP without a failed execution', async () => {
		const statuses = [];
		for (const body of [
			'not json',
			genuine({ server_time: 1e16 }),
			genuine({ affected_values: { x: null }, operation: 'update', ids: ['1'] }),
			genuine({ operation: 'undelete' }),
			genuine({ module: 'Products' }),
			{ ...genuine(), token: 'forged' },
		]) {
			statuses.push((await post(body)).status);
		}
		expect(statuses).toEqual([400, 200, 200, 200, 200, 401]);
		expect(executions).toHaveLength(1);
		expect(executions[0][0].json).toMatchObject({ recordFound: false, record: null });
	});
});
