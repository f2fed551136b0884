import type { E2eEnvironment, Execution } from '../../tools/n8n/environment';
import {
	credentials,
	eventually,
	executionsOf,
	nodeOutput,
	scenario,
	startEnvironment,
	triggerWorkflow,
} from '../../tools/n8n/environment';
import { n8nVersion } from '../../tools/n8n/paths';
import { simClient } from '../../tools/simulator/client';

/**
 * The compatibility matrix's scenarios: the trigger's life and the Bigin node's main operations,
 * through n8n's CLI and APIs and the simulator's control API only, so that they hold on every
 * version and through refactors of the nodes. `npm run test:compat` runs this file on the versions
 * of `tools/compatibility/matrix.ts` other than the pinned one, where the whole suite, which covers
 * each scenario in its own files, runs instead (`npm run test:e2e` runs this file there too).
 */
jest.setTimeout(10 * 60 * 1000);

const CONTACTS_WORKFLOW = 'wfCompatContact1';
const CONTACTS_WEBHOOK = '3a4b5c6d-7e8f-4a90-8b1c-2d3e4f5a6b7c';
const TASKS_WORKFLOW = 'wfCompatTasks001';
const TASKS_WEBHOOK = '4b5c6d7e-8f9a-4b01-9c2d-3e4f5a6b7c8d';
const NODE_WORKFLOW = 'wfCompatNode0001';
const NODE_PATH = 'bigin-compat-node';
const SHORT_CHANNEL_WATCH_MS = 75_000;

/** n8n 2.x activates through its publication service by default and keeps the legacy path behind a switch; 1.x has only the classic path. */
const ACTIVATION_PATHS: Array<[string, Record<string, string>]> =
	Number(n8nVersion().split('.')[0]) >= 2
		? [
				['the publication service (default)', {}],
				['the legacy activation path', { N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false' }],
			]
		: [['the classic activation path (the only one in n8n 1.x)', {}]];

interface SimChannel {
	channel_id: string;
	events: string[];
	notify_url: string;
	token: string;
	expires_in_seconds: number;
}

function biginNode(name: string, x: number, parameters: Record<string, unknown>) {
	return {
		id: `compat-${name.replace(/\W/g, '')}`,
		name,
		type: 'n8n-nodes-bigin.bigin',
		typeVersion: 1,
		position: [x, 0],
		executeOnce: true,
		parameters,
		credentials,
	};
}

/** Webhook → Bigin Enable → Get Many → Disable → Record: Create, answering with the created record. */
function nodeWorkflow() {
	const names = ['Start', 'Enable', 'List', 'Disable', 'Create Contact'];
	return {
		id: NODE_WORKFLOW,
		name: 'Bigin node compatibility',
		active: false,
		nodes: [
			{
				id: 'compat-start',
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '5c6d7e8f-9a0b-4c12-8d3e-4f5a6b7c8d9e',
				parameters: {
					httpMethod: 'POST',
					path: NODE_PATH,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			biginNode('Enable', 200, {
				resource: 'notification',
				operation: 'enable',
				notifyUrl: 'https://receiver.example.com/bigin',
				events: ['Contacts.create', 'Pipelines.edit'],
				customEvents: '',
				expiryType: 'hours',
				expiresInHours: 2,
				channelId: '515151',
				token: '',
				options: {},
			}),
			biginNode('List', 400, {
				resource: 'notification',
				operation: 'getAll',
				returnAll: true,
				filters: { channelId: '515151' },
			}),
			biginNode('Disable', 600, {
				resource: 'notification',
				operation: 'disable',
				channelIds: '515151',
			}),
			biginNode('Create Contact', 800, {
				resource: 'record',
				operation: 'create',
				module: 'Contacts',
				columns: {
					mappingMode: 'defineBelow',
					value: { Last_Name: 'Matrix', Email: 'matrix@example.com' },
					matchingColumns: [],
					schema: [],
					attemptToConvertTypes: false,
					convertFieldsToString: false,
				},
			}),
		],
		connections: Object.fromEntries(
			names
				.slice(0, -1)
				.map((name, index) => [
					name,
					{ main: [[{ node: names[index + 1], type: 'main', index: 0 }]] },
				]),
		),
		settings: { executionOrder: 'v1' },
	};
}

describe(`Compatibility: Bigin Trigger and the Bigin node on n8n ${n8nVersion()}`, () => {
	let env: E2eEnvironment;
	let sim: ReturnType<typeof simClient>;
	let contactsUrl: string;

	beforeAll(async () => {
		env = await startEnvironment('compat');
		sim = simClient(env.sim);
		await env.n8n.importWorkflow(
			triggerWorkflow(CONTACTS_WORKFLOW, CONTACTS_WEBHOOK, ['Contacts.create', 'Contacts.edit']),
		);
		await env.n8n.importWorkflow(
			triggerWorkflow(TASKS_WORKFLOW, TASKS_WEBHOOK, ['Tasks.create'], { fetchRecords: false }),
		);
		await env.n8n.importWorkflow(nodeWorkflow());
		await env.n8n.publish(CONTACTS_WORKFLOW);
		await env.n8n.publish(NODE_WORKFLOW);
		await env.n8n.start();
		contactsUrl = `${env.n8n.url}/webhook/${CONTACTS_WEBHOOK}/webhook`;
	});
	afterAll(async () => await env?.stop());

	const channels = async (): Promise<SimChannel[]> =>
		(await sim.control('GET', 'channels')).channels;
	const channelFor = async (url: string) =>
		(await channels()).find((channel) => channel.notify_url === url);

	/** The first successful execution of a workflow whose trigger output holds the record. */
	async function executionOf(workflowId: string, recordId: string): Promise<Execution> {
		try {
			return await eventually(
				async () =>
					(await executionsOf(env.n8n, workflowId)).find(
						(execution) =>
							execution.status === 'success' &&
							nodeOutput(execution, 'Bigin Trigger').some((item) => item.recordId === recordId),
					),
				45_000,
				`an execution of ${workflowId} for record ${recordId}`,
			);
		} catch (error) {
			const deliveries = (await sim.control('GET', 'deliveries')).deliveries
				.slice(-3)
				.map((delivery: { url: string; status: number | null; error?: string }) =>
					[delivery.url, delivery.status ?? delivery.error].join(' → '),
				);
			throw new Error(
				`${(error as Error).message}\nlast deliveries:\n${deliveries.join('\n')}\nn8n log tail:\n${env.n8n.logs.split('\n').slice(-25).join('\n')}`,
			);
		}
	}

	async function createRecord(module: string, fields: Record<string, string>): Promise<string> {
		return String((await sim.control('POST', `records/${module}`, fields)).data[0].details.id);
	}

	it('1. activation registers one channel for the production webhook URL', async () => {
		const registered = await eventually(
			async () => ((await channels()).length > 0 ? await channels() : undefined),
			60_000,
			'the channel',
		);
		expect(registered).toHaveLength(1);
		expect(registered[0]).toMatchObject({
			notify_url: contactsUrl,
			events: ['Contacts.create', 'Contacts.edit'],
		});
		expect(registered[0].expires_in_seconds).toBeGreaterThan(22.9 * 3600);
		scenario(`n8n ${n8nVersion()}: activation registered one channel`);
	});

	it('2. a record created in Bigin starts an execution holding the record', async () => {
		const recordId = await createRecord('Contacts', {
			Last_Name: 'Compatible',
			Email: 'c@example.com',
		});
		const execution = await executionOf(CONTACTS_WORKFLOW, recordId);
		expect(nodeOutput(execution, 'Bigin Trigger')).toEqual([
			expect.objectContaining({
				event: 'Contacts.create',
				recordId,
				recordFound: true,
				record: expect.objectContaining({ Last_Name: 'Compatible', Email: 'c@example.com' }),
			}),
		]);
		scenario(`n8n ${n8nVersion()}: a new contact became an execution with the record`);
	});

	it('3. a forged notification is refused with 401 and starts nothing', async () => {
		const channel = await channelFor(contactsUrl);
		const before = (await executionsOf(env.n8n, CONTACTS_WORKFLOW)).length;
		const forged = await fetch(contactsUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				server_time: Date.now(),
				query_params: {},
				module: 'Contacts',
				ids: ['1'],
				affected_fields: [],
				operation: 'insert',
				channel_id: channel?.channel_id,
				token: 'forged-token',
			}),
		});
		expect(forged.status).toBe(401);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect((await executionsOf(env.n8n, CONTACTS_WORKFLOW)).length).toBe(before);
		scenario(`n8n ${n8nVersion()}: a forged notification got 401`);
	});

	it('4. the Bigin node enables, lists and disables a channel and creates a record inside a workflow', async () => {
		await sim.request('DELETE', '/_sim/requests');
		const response = await eventually(
			async () => {
				const answer = await fetch(`${env.n8n.url}/webhook/${NODE_PATH}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}',
				});
				return answer.status === 404 ? undefined : answer;
			},
			30_000,
			'the node workflow’s webhook',
		);
		expect(response.status).toBe(200);
		const [created] = (await response.json()) as Array<{ id: string }>;
		expect(created.id).toMatch(/^\d+$/);
		const stored = (await sim.control('GET', 'records/Contacts')).data.find(
			(record: { id: string }) => record.id === created.id,
		);
		expect(stored).toMatchObject({ Last_Name: 'Matrix', Email: 'matrix@example.com' });

		const [execution] = await executionsOf(env.n8n, NODE_WORKFLOW);
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, 'List').map((item) => item.channel_id)).toEqual(['515151']);
		expect(nodeOutput(execution, 'Disable')).toEqual([
			expect.objectContaining({ channel_id: '515151', disabled: true }),
		]);
		const calls = (await sim.control('GET', 'requests')).requests
			.filter((request: { path: string }) => request.path.startsWith('/bigin/'))
			.map((request: { method: string; path: string }) => `${request.method} ${request.path}`);
		expect(calls).toEqual(
			expect.arrayContaining([
				'POST /bigin/v2/actions/watch',
				'GET /bigin/v2/actions/watch',
				'DELETE /bigin/v2/actions/watch',
				'POST /bigin/v2/Contacts',
			]),
		);
		expect(await channelFor('https://receiver.example.com/bigin')).toBeUndefined();
		scenario(`n8n ${n8nVersion()}: the Bigin node enabled, listed, disabled and created a record`);
	});

	it.each(ACTIVATION_PATHS)(
		'5. after a restart through %s, a channel that expired while n8n was down is registered again and events flow',
		async (label, restartEnv) => {
			const before = await channelFor(contactsUrl);
			expect(before).toBeDefined();
			await env.n8n.stop();
			await sim.control('POST', 'clock', { advanceSeconds: 25 * 3600 });
			expect(await channelFor(contactsUrl)).toBeUndefined();
			await sim.control('POST', 'clock', { offsetSeconds: 0 });

			await env.n8n.start(restartEnv);
			const revived = await eventually(
				async () => await channelFor(contactsUrl),
				60_000,
				'the channel to be registered again',
			);
			expect(revived.channel_id).toBe(before?.channel_id);
			expect(revived.expires_in_seconds).toBeGreaterThan(22.9 * 3600);
			const recordId = await createRecord('Contacts', { Last_Name: `After ${label}` });
			await executionOf(CONTACTS_WORKFLOW, recordId);
			scenario(`n8n ${n8nVersion()}: restart through ${label}, channel back, events flow`);
		},
	);

	it(`6. a one-minute channel is renewed for ${SHORT_CHANNEL_WATCH_MS / 1000} s without lapsing, and events flow`, async () => {
		await sim.control('POST', 'config', { expiryCapSeconds: 60 });
		try {
			expect((await env.n8n.api('POST', `/workflows/${TASKS_WORKFLOW}/activate`)).status).toBe(200);
			const tasksUrl = `${env.n8n.url}/webhook/${TASKS_WEBHOOK}/webhook`;
			const first = await eventually(
				async () => await channelFor(tasksUrl),
				30_000,
				'the Tasks channel',
			);
			expect(first.expires_in_seconds).toBeLessThanOrEqual(60);
			const started = Date.now();
			let lapses = 0;
			let renewals = 0;
			let lastExpiry = first.expires_in_seconds;
			while (Date.now() - started < SHORT_CHANNEL_WATCH_MS) {
				const channel = await channelFor(tasksUrl);
				if (!channel) lapses += 1;
				else if (channel.expires_in_seconds > lastExpiry + 5) renewals += 1;
				lastExpiry = channel?.expires_in_seconds ?? 0;
				await new Promise((resolve) => setTimeout(resolve, 2000));
			}
			expect(lapses).toBe(0);
			expect(renewals).toBeGreaterThanOrEqual(2);
			expect((await channelFor(tasksUrl))?.channel_id).toBe(first.channel_id);
			const recordId = await createRecord('Tasks', { Subject: 'Renewed and listening' });
			const execution = await executionOf(TASKS_WORKFLOW, recordId);
			expect(nodeOutput(execution, 'Bigin Trigger')[0]).toMatchObject({ event: 'Tasks.create' });
			scenario(`n8n ${n8nVersion()}: a one-minute channel went through ${renewals} renewals`);
		} finally {
			await sim.control('POST', 'config', { expiryCapSeconds: 0 });
		}
	});

	it('7. deactivating the workflows deletes their channels', async () => {
		for (const workflowId of [TASKS_WORKFLOW, CONTACTS_WORKFLOW])
			expect((await env.n8n.api('POST', `/workflows/${workflowId}/deactivate`)).status).toBe(200);
		await eventually(async () => (await channels()).length === 0, 30_000, 'no channels left');
		scenario(`n8n ${n8nVersion()}: deactivation deleted both channels`);
	});
});
