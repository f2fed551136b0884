import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { WebhookReply } from '../../../../tools/contexts/contexts';
import { callWebhook, executeContext, startReceiver } from '../../../../tools/contexts/contexts';
import { deduplicationStore } from '../../../../tools/contexts/deduplication';
import type { Credentials, LoggedLine } from '../../../../tools/contexts/nodeHarness';
import { simulatorCredentials, testNode } from '../../../../tools/contexts/nodeHarness';
import { useSimulator } from '../../../support/simulatorFixture';
import type { SimulatorFixture } from '../../../support/simulatorFixture';
import {
	CHANNEL,
	PARAMETERS,
	genuine,
	identity,
	staticDataWith,
} from '../../../support/webhookCall';
import { BiginTrigger } from '../../../../nodes/Bigin/BiginTrigger.node';
import { MAX_IDS_PER_NOTIFICATION } from '../../../../nodes/Bigin/trigger/verify';

const trigger = new BiginTrigger();
/**
 * A node of its own for each test: what the webhook remembers per process (notifications, refusals,
 * when it last logged) is kept per workflow and node.
 */
let node = testNode('biginTrigger');
let nodes = 0;
beforeEach(() => (node = testNode('biginTrigger', { id: `webhook-test-node-${++nodes}` })));
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
	let log: LoggedLine[];
	beforeEach(() => (log = []));
	const call = async (
		body: unknown,
		staticData: IDataObject = staticDataWith(),
		parameters: IDataObject = PARAMETERS,
	) =>
		await callWebhook(trigger.webhook, {
			node,
			staticData,
			body,
			identity: identity(node, staticData, { parameters, log }),
		});

	it.each([
		['affected_values as an object', { operation: 'update', affected_values: { 1: { Phone: 2 } } }],
		['affected_values holding null', { operation: 'update', affected_values: [null] }],
		['affected_fields holding null', { operation: 'update', affected_fields: [null, { x: null }] }],
		['ids as numbers', { ids: [1, 2] }],
		['a server_time two hours old (Bigin delivering late)', { server_time: Date.now() - 7200_000 }],
		['a server_time of 1e16', { server_time: 1e16 }],
	])('starts an execution for a genuine body with %s', async (_label, overrides) => {
		const reply = await call(genuine(overrides));
		expect(reply.result.workflowData?.[0].length).toBeGreaterThan(0);
	});

	it.each([
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

	it(`turns the first ${MAX_IDS_PER_NOTIFICATION} ids of a huge notification into items, each once, and logs the refused rest`, async () => {
		const ids = Array.from({ length: 5000 }, (_, i) => String(6756839000000000000n + BigInt(i)));
		const reply = await call(genuine({ ids: [ids[0], ...ids] }));
		expect(reply.status).toBe(200);
		const items = reply.result.workflowData?.[0] ?? [];
		expect(items.map((item) => item.json.recordId)).toEqual(
			ids.slice(0, MAX_IDS_PER_NOTIFICATION - 1),
		);
		const warning = log.find((line) => line.message.includes('were refused'));
		expect(warning).toMatchObject({ level: 'warn' });
		expect(warning?.message).toContain(`the other ${5001 - MAX_IDS_PER_NOTIFICATION} were refused`);
		expect(warning?.meta).toMatchObject({
			firstRefusedId: ids[MAX_IDS_PER_NOTIFICATION - 1],
			lastRefusedId: ids[4999],
		});
	});

	it.each([
		['an operation it does not know', { operation: 'merge' }, 'unknown operation "merge"'],
		['a module the channel does not watch', { module: 'Products' }, 'does not watch Products'],
	])('logs why it dropped a genuine call with %s', async (_label, overrides, reason) => {
		await call(genuine(overrides));
		expect(log).toContainEqual(
			expect.objectContaining({ level: 'warn', message: expect.stringContaining(reason) }),
		);
	});

	it('accepts another module only with Notify on Related Action', async () => {
		const related = { ...PARAMETERS, options: { notifyOnRelatedAction: true } };
		const reply = await call(genuine({ module: 'Notes' }), staticDataWith(), related);
		expect(reply.result.workflowData).toBeDefined();
	});

	it('survives 2,000 random bodies that carry the right token', async () => {
		for (let seed = 1; seed <= 2000; seed++) {
			const { next, value } = random(seed);
			const body: IDataObject = genuine({ server_time: seed });
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
	let log: LoggedLine[];

	beforeAll(async () => {
		receiver = await startReceiver(async (body) => {
			const reply = await callWebhook(trigger.webhook, {
				node,
				staticData,
				body,
				identity: identity(node, staticData, { log }),
			});
			if (reply.result.workflowData) {
				const context = executeContext({
					node,
					credentials,
					parameters: PARAMETERS,
					input: reply.result.workflowData[0],
					log,
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
		log = [];
	});

	const post = async (body: unknown) =>
		await fetch(receiver.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});

	it('runs a genuine notification once: a copy of it is answered 200, logged, and starts nothing', async () => {
		const created = await fixture.client.control('POST', 'records/Contacts', { Last_Name: 'Once' });
		const id = created.data[0].details.id as string;
		const body = genuine({ ids: [id] });

		expect((await post(body)).status).toBe(200);
		expect((await post(body)).status).toBe(200);
		expect(executions).toHaveLength(1);
		expect(executions[0][0].json).toMatchObject({ recordId: id, recordFound: true });
		expect(log).toContainEqual(
			expect.objectContaining({
				level: 'info',
				message: expect.stringContaining('delivered before'),
			}),
		);
		const reads = (await fixture.client.control('GET', 'requests')).requests.filter(
			(entry: { path: string }) => entry.path.endsWith(`/Contacts/${id}`),
		);
		expect(reads).toHaveLength(1);
		expect(dedupe.calls).toEqual([]);
	});

	it('runs two copies arriving together once', async () => {
		const body = genuine({ ids: ['1', '2'], operation: 'delete' });
		const statuses = await Promise.all(
			Array.from({ length: 5 }, async () => (await post(body)).status),
		);
		expect(statuses).toEqual([200, 200, 200, 200, 200]);
		expect(executions).toHaveLength(1);
	});

	it('runs two notifications that differ only in server_time, ids order aside, as two', async () => {
		const time = Date.now();
		await post(genuine({ ids: ['1', '2'], server_time: time, operation: 'delete' }));
		await post(genuine({ ids: ['2', '1'], server_time: time, operation: 'delete' }));
		await post(genuine({ ids: ['1', '2'], server_time: time + 1, operation: 'delete' }));
		expect(executions.map((items) => items.length)).toEqual([2, 2]);
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
		expect(executions).toHaveLength(2);
		expect(executions[1][0].json).toMatchObject({ recordFound: false, record: null });
	});
});
