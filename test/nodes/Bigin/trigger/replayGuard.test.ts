import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { callWebhook, executeContext } from '../../../../tools/contexts/contexts';
import { deduplicationStore } from '../../../../tools/contexts/deduplication';
import { testNode } from '../../../../tools/contexts/nodeHarness';
import { PARAMETERS, genuine, identity, staticDataWith } from '../../../support/webhookCall';
import { BiginTrigger } from '../../../../nodes/Bigin/BiginTrigger.node';
import { notificationItems } from '../../../../nodes/Bigin/trigger/notificationItems';
import {
	RECEIVER_KEY,
	RECEIVER_MEMORY_MS,
	REMEMBERED_IN_PROCESS,
} from '../../../../nodes/Bigin/trigger/replayGuard';
import { REMEMBERED_IN_DATABASE } from '../../../../nodes/Bigin/trigger/storeCheck';

const trigger = new BiginTrigger();
const WITHOUT_FETCHING = { ...PARAMETERS, options: { fetchRecords: false } };
let node = testNode('biginTrigger');
let nodes = 0;
let dedupe: ReturnType<typeof deduplicationStore>;

beforeEach(() => {
	node = testNode('biginTrigger', { id: `replay-test-node-${++nodes}` });
	dedupe = deduplicationStore();
});

/** webhook() in this process, as n8n calls it for each request. */
async function receive(body: IDataObject, parameters: IDataObject = WITHOUT_FETCHING) {
	const staticData = staticDataWith();
	return await callWebhook(trigger.webhook, {
		node,
		staticData,
		body,
		identity: identity(node, staticData, { parameters }),
	});
}

/** execute() with n8n's deduplication store: in this process, or on a queue-mode worker. */
async function execute(input: INodeExecutionData[], parameters: IDataObject = WITHOUT_FETCHING) {
	const context = executeContext({
		node,
		credentials: { clientSecret: 'unused', oauthTokenData: {} },
		parameters,
		input,
	});
	Object.assign(context.helpers, { checkProcessedAndRecord: dedupe.checkProcessedAndRecord });
	return (await trigger.execute.call(context))[0];
}

/** The items a webhook processor of the queue handed over: this process's webhook never saw them. */
const fromAnotherProcess = (body: IDataObject): INodeExecutionData[] =>
	notificationItems({
		server_time: Number(body.server_time),
		module: String(body.module),
		ids: body.ids as string[],
		operation: String(body.operation),
		channel_id: String(body.channel_id),
	}).map((json) => ({ json }));

/** The items a webhook processor that names itself handed over. */
const acceptedBy = (receiver: string, body: IDataObject): INodeExecutionData[] =>
	fromAnotherProcess(body).map((item, index) =>
		index === 0 ? { ...item, [RECEIVER_KEY]: receiver } : item,
	);

afterEach(() => jest.restoreAllMocks());

describe('Replay protection', () => {
	it('costs an accepted notification no database access where its webhook ran in the same process (one n8n process)', async () => {
		const reply = await receive(genuine());
		expect(await execute(reply.result.workflowData?.[0] ?? [])).toHaveLength(1);
		expect(dedupe.calls).toEqual([]);
	});

	it('drops a copy in the webhook, before any execution starts, in the process that accepted it', async () => {
		const body = genuine();
		expect((await receive(body)).result.workflowData).toBeDefined();
		const copy = await receive(body);
		expect(copy.status).toBe(200);
		expect(copy.result.workflowData).toBeUndefined();
	});

	it(`asks n8n's deduplication store, with a history of ${REMEMBERED_IN_DATABASE}, for an execution that does not say which process accepted it, and drops a copy another process accepted before`, async () => {
		const body = genuine();
		expect(await execute(fromAnotherProcess(body))).toHaveLength(1);
		expect(await execute(fromAnotherProcess(body))).toEqual([]);
		expect(dedupe.calls.map((call) => call.options)).toEqual([
			{ mode: 'entries', maxEntries: REMEMBERED_IN_DATABASE },
			{ mode: 'entries', maxEntries: REMEMBERED_IN_DATABASE },
		]);
	});

	it(`remembers the last ${REMEMBERED_IN_PROCESS} notifications per trigger in each process`, async () => {
		const first = genuine({ server_time: 1 });
		expect((await receive(first)).result.workflowData).toBeDefined();
		for (let time = 2; time <= REMEMBERED_IN_PROCESS; time++)
			await receive(genuine({ server_time: time }));
		expect((await receive(first)).result.workflowData).toBeUndefined();
		await receive(genuine({ server_time: REMEMBERED_IN_PROCESS + 1 }));
		expect((await receive(first)).result.workflowData).toBeDefined();
	});

	it('runs every copy, and checks nothing, with Ignore Repeated Notifications off', async () => {
		const parameters = { ...PARAMETERS, options: { fetchRecords: false, ignoreRepeats: false } };
		const body = genuine();
		for (let copy = 0; copy < 2; copy++) {
			const reply = await receive(body, parameters);
			expect(await execute(reply.result.workflowData?.[0] ?? [], parameters)).toHaveLength(1);
			expect(await execute(fromAnotherProcess(body), parameters)).toHaveLength(1);
		}
		expect(dedupe.calls).toEqual([]);
	});

	it('names the process that accepted a notification on the execution, and outputs nothing of it', async () => {
		const reply = await receive(genuine());
		const handedOver = reply.result.workflowData?.[0] ?? [];
		expect(typeof handedOver[0][RECEIVER_KEY]).toBe('string');
		const output = await execute(handedOver);
		expect(output[0]).not.toHaveProperty(RECEIVER_KEY);
		expect(JSON.stringify(output)).not.toContain(String(handedOver[0][RECEIVER_KEY]));
	});

	it('costs no database access on a queue-mode worker while one process accepts every notification', async () => {
		for (let time = 1; time <= 3; time++)
			expect(await execute(acceptedBy('processor-a', genuine({ server_time: time })))).toHaveLength(
				1,
			);
		expect(dedupe.calls).toEqual([]);
	});

	it('asks the store for every execution once a second process accepts notifications, and drops a copy the other one accepted', async () => {
		await execute(acceptedBy('processor-a', genuine({ server_time: 1 })));
		await execute(acceptedBy('processor-b', genuine({ server_time: 2 })));
		const body = genuine({ server_time: 3 });
		expect(await execute(acceptedBy('processor-a', body))).toHaveLength(1);
		expect(await execute(acceptedBy('processor-b', body))).toEqual([]);
		expect(dedupe.calls).toHaveLength(3);
	});

	it('runs a copy twice at most: once per process, when the first process accepted it before any worker saw a second one', async () => {
		const body = genuine();
		expect(await execute(acceptedBy('processor-a', body))).toHaveLength(1);
		expect(await execute(acceptedBy('processor-b', body))).toHaveLength(1);
		expect(await execute(acceptedBy('processor-a', body))).toEqual([]);
		expect(await execute(acceptedBy('processor-b', body))).toEqual([]);
	});

	it('stops asking the store an hour after the second process accepted its last notification', async () => {
		const start = Date.now();
		const now = jest.spyOn(Date, 'now').mockReturnValue(start);
		await execute(acceptedBy('processor-a', genuine({ server_time: 1 })));
		await execute(acceptedBy('processor-b', genuine({ server_time: 2 })));
		now.mockReturnValue(start + RECEIVER_MEMORY_MS / 2);
		await execute(acceptedBy('processor-a', genuine({ server_time: 3 })));
		expect(dedupe.calls).toHaveLength(2);
		now.mockReturnValue(start + RECEIVER_MEMORY_MS + 1);
		await execute(acceptedBy('processor-a', genuine({ server_time: 4 })));
		expect(dedupe.calls).toHaveLength(2);
	});

	it('asks the store once for the executions a worker runs at once, and runs one of two copies among them', async () => {
		await execute(acceptedBy('processor-a', genuine({ server_time: 1 })));
		await execute(acceptedBy('processor-b', genuine({ server_time: 2 })));
		const copied = genuine({ server_time: 3 });
		const outputs = await Promise.all([
			execute(acceptedBy('processor-a', copied)),
			execute(acceptedBy('processor-b', genuine({ server_time: 4 }))),
			execute(acceptedBy('processor-b', copied)),
			execute(acceptedBy('processor-a', genuine({ server_time: 5 }))),
		]);
		expect(outputs.map((output) => output.length)).toEqual([1, 1, 0, 1]);
		expect(dedupe.calls.map((call) => call.items.length)).toEqual([1, 1, 3]);
	});

	it('delivers the notifications of a round whose store check failed, and checks the next round again', async () => {
		await execute(acceptedBy('processor-a', genuine({ server_time: 1 })));
		const failing = jest
			.spyOn(dedupe, 'checkProcessedAndRecord')
			.mockRejectedValueOnce(new Error('connection terminated'));
		const body = genuine({ server_time: 2 });
		expect(await execute(acceptedBy('processor-b', body))).toHaveLength(1);
		failing.mockRestore();
		expect(await execute(acceptedBy('processor-b', body))).toHaveLength(1);
		expect(await execute(acceptedBy('processor-a', body))).toEqual([]);
	});
});
