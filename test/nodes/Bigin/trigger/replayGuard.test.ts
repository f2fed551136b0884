import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { callWebhook, executeContext } from '../../../../tools/contexts/contexts';
import { deduplicationStore } from '../../../../tools/contexts/deduplication';
import { testNode } from '../../../../tools/contexts/nodeHarness';
import { PARAMETERS, genuine, identity, staticDataWith } from '../../../support/webhookCall';
import { BiginTrigger } from '../../../../nodes/Bigin/BiginTrigger.node';
import { notificationItems } from '../../../../nodes/Bigin/trigger/notificationItems';
import {
	REMEMBERED_IN_DATABASE,
	REMEMBERED_IN_PROCESS,
} from '../../../../nodes/Bigin/trigger/replayGuard';

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

	it(`asks n8n's deduplication store once per execution on a queue-mode worker, with a history of ${REMEMBERED_IN_DATABASE}, and drops a copy another webhook processor accepted before`, async () => {
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
});
