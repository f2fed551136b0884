import type { Execution } from '../../tools/n8n/environment';
import {
	eventually,
	executionsOf,
	nodeOutput,
	scenario,
	triggerWorkflow,
} from '../../tools/n8n/environment';
import type { QueueEnvironment } from '../../tools/n8n/queueEnvironment';
import {
	executionHosts,
	startQueueEnvironment,
	staticDataWriterWorkflow,
} from '../../tools/n8n/queueEnvironment';
import { eraseStaticData } from '../../tools/n8n/database';
import { n8nVersion } from '../../tools/n8n/paths';
import { simClient } from '../../tools/simulator/client';
import {
	changeTokenInBigin,
	refusalWarnings,
	renewalDiagnostics,
	sendFor,
	verifiedOnce,
	watchRenewals,
} from '../support/channelWatch';

jest.setTimeout(10 * 60 * 1000);

const CONTACTS_WORKFLOW = 'wfQueueContacts1';
const CONTACTS_WEBHOOK = '7b3f4e5d-6c7b-4081-9c9d-1e2f3a4b5c6d';
const TASKS_WORKFLOW = 'wfQueueTasks0001';
const TASKS_WEBHOOK = '8c4a5f6e-7d8c-4192-8dae-2f3a4b5c6d7e';
const REFUSED_WORKFLOW = 'wfQueueRefused01';
const REFUSED_WEBHOOK = 'c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f';
const ERASED_WORKFLOW = 'wfQueueErased001';
const ERASED_WEBHOOK = 'd4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f80';
const ON_WORKER = ['enqueued by webhook processor 1', 'run by worker'];
/** How long one-minute channels are watched: several renewals, and a re-creation in between. */
const RENEWAL_WINDOW_MS = 150_000;

interface SimChannel {
	channel_id: string;
	events: string[];
	notify_url: string;
	token: string;
	expires_in_seconds: number;
}

interface SimDelivery {
	url: string;
	status: number | null;
	response?: string;
	error?: string;
	payload: { ids: string[] };
}

interface SimRequest {
	at: number;
	method: string;
	path: string;
	status: number;
}

describe(`Bigin Trigger in n8n ${n8nVersion()} queue mode (main, worker, webhook processor)`, () => {
	let env: QueueEnvironment;
	let sim: ReturnType<typeof simClient>;
	let contactsUrl: string;
	let tasksUrl: string;

	beforeAll(async () => {
		env = await startQueueEnvironment('queue');
		sim = simClient(env.sim);
		const { main } = env.cluster;
		await main.importWorkflow(
			triggerWorkflow(CONTACTS_WORKFLOW, CONTACTS_WEBHOOK, ['Contacts.create']),
		);
		await main.importWorkflow(
			staticDataWriterWorkflow(TASKS_WORKFLOW, TASKS_WEBHOOK, ['Tasks.create'], {
				fetchRecords: false,
			}),
		);
		await main.importWorkflow(
			triggerWorkflow(REFUSED_WORKFLOW, REFUSED_WEBHOOK, ['Pipelines.create'], {
				fetchRecords: false,
			}),
		);
		await main.importWorkflow(
			triggerWorkflow(ERASED_WORKFLOW, ERASED_WEBHOOK, ['Events.create'], { fetchRecords: false }),
		);
		await main.publish(CONTACTS_WORKFLOW);
		await env.cluster.start();
		contactsUrl = env.productionUrl(CONTACTS_WEBHOOK);
		tasksUrl = env.productionUrl(TASKS_WEBHOOK);
	});
	afterAll(async () => await env?.stop());

	const channels = async (): Promise<SimChannel[]> =>
		(await sim.control('GET', 'channels')).channels;
	const channelFor = async (url: string) =>
		(await channels()).find((channel) => channel.notify_url === url);
	const deliveriesOf = async (recordId: string): Promise<SimDelivery[]> => {
		await sim.control('POST', 'settle');
		return ((await sim.control('GET', 'deliveries')).deliveries as SimDelivery[]).filter(
			(delivery) => delivery.payload.ids.includes(recordId),
		);
	};
	const createRecord = async (module: string, fields: Record<string, string>) =>
		String((await sim.control('POST', `records/${module}`, fields)).data[0].details.id);

	/** The executions whose trigger output holds this record (so duplicates show up too). */
	const executionsFor = async (workflowId: string, recordId: string): Promise<Execution[]> =>
		(await executionsOf(env.cluster.main, workflowId)).filter((execution) =>
			nodeOutput(execution, 'Bigin Trigger').some((item) => item.recordId === recordId),
		);

	/** Waits for the one successful execution of a record, with diagnostics when it never comes. */
	async function executionOf(workflowId: string, recordId: string): Promise<Execution> {
		try {
			return await eventually(
				async () => {
					const found = await executionsFor(workflowId, recordId);
					return found.length > 0 && found.every((execution) => execution.status === 'success')
						? found
						: undefined;
				},
				60_000,
				`the execution of record ${recordId}`,
			).then((found) => {
				expect(found).toHaveLength(1);
				return found[0];
			});
		} catch (error) {
			const deliveries = (await deliveriesOf(recordId)).map(
				(delivery) =>
					`${delivery.url} → ${delivery.status ?? delivery.error} ${JSON.stringify(delivery)}`,
			);
			throw new Error(
				`${(error as Error).message}\ndeliveries: ${deliveries.join('\n') || 'none'}\n${env.cluster.logs}`,
			);
		}
	}

	/** A record whose notification the webhook processor answered 200 and the worker executed. */
	async function deliveredAndRunOnWorker(workflowId: string, recordId: string): Promise<Execution> {
		const deliveries = await deliveriesOf(recordId);
		expect(deliveries.map(({ status, response, error }) => ({ status, response, error }))).toEqual([
			{ status: 200, response: '', error: undefined },
		]);
		const execution = await executionOf(workflowId, recordId);
		expect(executionHosts(env.cluster, execution.id)).toEqual(ON_WORKER);
		return execution;
	}

	it('1. activation on the main registers exactly one channel, on the webhook processor’s production URL', async () => {
		const registered = await eventually(
			async () => ((await channels()).length > 0 ? await channels() : undefined),
			30_000,
			'the channel',
		);
		expect(registered).toHaveLength(1);
		expect(registered[0].notify_url).toBe(contactsUrl);
		expect(contactsUrl.startsWith(env.cluster.webhookProcessors[0].url)).toBe(true);
		// The main serves no production webhooks in this topology: Bigin must reach the processor.
		const onMain = await fetch(`${env.cluster.main.url}/webhook/${CONTACTS_WEBHOOK}/webhook`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		expect(onMain.status).toBe(404);
		scenario('queue mode: one channel, on the webhook processor’s production URL');
	});

	it('2. a record created in Bigin is answered 200 by the webhook processor and runs on the worker with the record', async () => {
		const recordId = await createRecord('Contacts', { Last_Name: 'Queue', Email: 'q@example.com' });
		const execution = await deliveredAndRunOnWorker(CONTACTS_WORKFLOW, recordId);
		expect(nodeOutput(execution, 'Bigin Trigger')).toEqual([
			expect.objectContaining({
				event: 'Contacts.create',
				recordId,
				recordFound: true,
				record: expect.objectContaining({ Last_Name: 'Queue', Email: 'q@example.com' }),
			}),
		]);
		scenario(
			`queue mode: execution ${execution.id} was enqueued by the webhook processor and ran on the worker`,
		);
	});

	it('3. a forged notification gets 401 from the webhook processor and starts nothing', async () => {
		const channel = await channelFor(contactsUrl);
		const before = (await executionsOf(env.cluster.main, CONTACTS_WORKFLOW)).length;
		const workerLogBefore = env.cluster.worker.logs.length;
		const forged = await fetch(contactsUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				server_time: Date.now(),
				module: 'Contacts',
				ids: ['6756839000000575001'],
				operation: 'insert',
				channel_id: channel?.channel_id,
				token: 'forged-token',
			}),
		});
		expect(forged.status).toBe(401);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect((await executionsOf(env.cluster.main, CONTACTS_WORKFLOW)).length).toBe(before);
		expect(env.cluster.worker.logs.slice(workerLogBefore)).not.toContain(
			'Worker started execution',
		);
		scenario('queue mode: a forged notification was refused with 401 and nothing ran');
	});

	/** Exactly one channel for the workflow, the same one as before. */
	async function sameSingleChannel(url: string, before: SimChannel | undefined): Promise<void> {
		const live = (await channels()).filter((channel) => channel.notify_url === url);
		expect(live).toHaveLength(1);
		expect(live[0].channel_id).toBe(before?.channel_id);
	}

	it('4. restarting the main loses no notification sent before, during or after, and leaves one channel', async () => {
		const before = await channelFor(contactsUrl);
		const sentBefore = await createRecord('Contacts', { Last_Name: 'Before main restart' });
		await env.cluster.main.stop();
		const sentWhileDown = await createRecord('Contacts', { Last_Name: 'Main down' });
		await env.cluster.main.start();
		const sentAfter = await createRecord('Contacts', { Last_Name: 'After main restart' });
		for (const recordId of [sentBefore, sentWhileDown, sentAfter])
			await deliveredAndRunOnWorker(CONTACTS_WORKFLOW, recordId);
		await sameSingleChannel(contactsUrl, before);
		scenario('queue mode: main restarted; notifications before, during and after all ran once');
	});

	it('5. restarting the webhook processor loses no notification sent before or after, and leaves one channel', async () => {
		const before = await channelFor(contactsUrl);
		const [processor] = env.cluster.webhookProcessors;
		const sentBefore = await createRecord('Contacts', { Last_Name: 'Before webhook restart' });
		await deliveriesOf(sentBefore);
		await processor.stop();
		await processor.start();
		const sentAfter = await createRecord('Contacts', { Last_Name: 'After webhook restart' });
		for (const recordId of [sentBefore, sentAfter])
			await deliveredAndRunOnWorker(CONTACTS_WORKFLOW, recordId);
		await sameSingleChannel(contactsUrl, before);
		scenario('queue mode: webhook processor restarted; notifications before and after ran once');
	});

	it('6. restarting the worker loses no notification sent before, during or after, and leaves one channel', async () => {
		const before = await channelFor(contactsUrl);
		const { worker } = env.cluster;
		const sentBefore = await createRecord('Contacts', { Last_Name: 'Before worker restart' });
		await deliveriesOf(sentBefore);
		await worker.stop();
		const sentWhileDown = await createRecord('Contacts', { Last_Name: 'Worker down' });
		await deliveriesOf(sentWhileDown);
		await worker.start();
		const sentAfter = await createRecord('Contacts', { Last_Name: 'After worker restart' });
		for (const recordId of [sentBefore, sentWhileDown, sentAfter])
			await deliveredAndRunOnWorker(CONTACTS_WORKFLOW, recordId);
		await sameSingleChannel(contactsUrl, before);
		scenario('queue mode: worker restarted; notifications before, during and after ran once');
	});

	/** What the one-minute window of test 7 saw, for test 8 to check. */
	const watched = { recordIds: [] as string[], channelId: '' };

	it('7. with one-minute channels, the channel never lapses over several minutes and each renewal is made exactly once', async () => {
		await sim.control('POST', 'config', { expiryCapSeconds: 60 });
		try {
			await watchOneMinuteChannels();
		} finally {
			await sim.control('POST', 'config', { expiryCapSeconds: 0 });
		}
	});

	/**
	 * Activates the static-data writer under one-minute channels and watches it: a record every five
	 * seconds while the channel is live, and Bigin dropping the channel once, midway.
	 */
	async function watchOneMinuteChannels(): Promise<void> {
		await sim.request('DELETE', '/_sim/requests');
		expect(
			(await env.cluster.main.api('POST', `/workflows/${TASKS_WORKFLOW}/activate`)).status,
		).toBe(200);
		const first = await eventually(async () => await channelFor(tasksUrl), 30_000, 'the channel');
		expect(first.expires_in_seconds).toBeLessThanOrEqual(60);
		watched.channelId = first.channel_id;

		const started = Date.now();
		let lapses = 0;
		let droppedByBigin = false;
		let dropped = false;
		while (Date.now() - started < RENEWAL_WINDOW_MS) {
			const channel = await channelFor(tasksUrl);
			if (!channel && !droppedByBigin) lapses += 1;
			if (channel) {
				droppedByBigin = false;
				watched.recordIds.push(
					await createRecord('Tasks', { Subject: `Task ${watched.recordIds.length}` }),
				);
			}
			if (!dropped && Date.now() - started > RENEWAL_WINDOW_MS / 3) {
				// Bigin loses the channel: the next renewal must enable it again under the same id.
				await sim.request('DELETE', `/bigin/v2/actions/watch?channel_ids=${first.channel_id}`, {
					token: await sim.token(),
				});
				dropped = droppedByBigin = true;
			}
			await new Promise((resolve) => setTimeout(resolve, 5000));
		}
		expect(lapses).toBe(0);
		expect((await channelFor(tasksUrl))?.channel_id).toBe(first.channel_id);

		const watchCalls = ((await sim.control('GET', 'requests')).requests as SimRequest[]).filter(
			(request) =>
				request.path === '/bigin/v2/actions/watch' && ['PUT', 'POST'].includes(request.method),
		);
		// Calls within seconds of each other belong to one renewal (a PUT, then a POST when Bigin no
		// longer has the channel). A one-minute channel is renewed once a quarter of its life has
		// passed, at the next ten-second check: renewals are at least two checks (20 s) apart. A
		// second process renewing the same channel would add a second successful write to a group,
		// or a group of its own one check after another.
		const groups: SimRequest[][] = [];
		for (const call of watchCalls.slice(1)) {
			const last = groups[groups.length - 1];
			if (last && call.at - last[last.length - 1].at < 5000) last.push(call);
			else groups.push([call]);
		}
		const successfulWrites = (group: SimRequest[]) =>
			group.filter((call) => call.status === 200 || call.status === 201).length;
		expect(watchCalls[0]).toMatchObject({ method: 'POST', status: 201 });
		expect(groups.length).toBeGreaterThanOrEqual(3);
		expect(groups.map(successfulWrites)).toEqual(groups.map(() => 1));
		for (let index = 1; index < groups.length; index++)
			expect(groups[index][0].at - groups[index - 1][0].at).toBeGreaterThan(15_000);
		expect(groups.filter((group) => group.some((call) => call.status === 201))).toHaveLength(1);
		const renewals = groups.length;
		scenario(
			`queue mode: one-minute channel alive for ${RENEWAL_WINDOW_MS / 1000} s, ${renewals} renewals made once each, re-created once after Bigin dropped it`,
		);
	}

	it('8. a workflow whose Code node writes static data in every execution kept receiving every notification through those renewals and the re-creation', async () => {
		expect(watched.recordIds.length).toBeGreaterThan(10);
		for (const recordId of watched.recordIds)
			await deliveredAndRunOnWorker(TASKS_WORKFLOW, recordId);
		const stored = await env.cluster.main.api<{
			staticData?: { global?: { executions?: number } };
		}>('GET', `/workflows/${TASKS_WORKFLOW}`);
		expect(stored.body.staticData?.global?.executions).toBeGreaterThan(0);
		scenario(
			`queue mode: ${watched.recordIds.length} notifications to a static-data writer were all accepted and ran on the worker`,
		);
	});

	it('9. the static-data writer keeps receiving after the main re-creates its lapsed channel while an older copy of its static data waits in the queue', async () => {
		const { main, worker } = env.cluster;
		await worker.stop();
		// Enqueued now; when it runs, its Code node makes n8n save the static data it ran with.
		const queued = await createRecord('Tasks', { Subject: 'Queued for the worker' });
		await main.stop();
		await sim.control('POST', 'clock', { advanceSeconds: 25 * 3600 });
		expect(await channelFor(tasksUrl)).toBeUndefined();
		await sim.control('POST', 'clock', { offsetSeconds: 0 });
		await main.start();
		await eventually(async () => await channelFor(tasksUrl), 60_000, 'the channel to return');
		await worker.start();
		await deliveredAndRunOnWorker(TASKS_WORKFLOW, queued);
		for (const subject of ['After the re-creation', 'Later still']) {
			const recordId = await createRecord('Tasks', { Subject: subject });
			await deliveredAndRunOnWorker(TASKS_WORKFLOW, recordId);
		}
		await sameSingleChannel(tasksUrl, { channel_id: watched.channelId } as SimChannel);
		scenario(
			'queue mode: after a re-creation on restart, a queued execution with older static data did not break verification',
		);
	});

	it('12. calls Bigin sends with a token the credential no longer gives are refused by the webhook processor: a warning a minute in its log, and after two minutes one failed execution, run on the worker', async () => {
		const { main } = env.cluster;
		const refusedUrl = env.productionUrl(REFUSED_WEBHOOK);
		expect((await main.api('POST', `/workflows/${REFUSED_WORKFLOW}/activate`)).status).toBe(200);
		const registered = await eventually(
			async () => await channelFor(refusedUrl),
			30_000,
			'the channel',
		);
		await verifiedOnce(sim, registered);
		const channel = await changeTokenInBigin(sim, registered);
		const processor = env.cluster.webhookProcessors[0];
		const logFrom = processor.logs.length;
		const statuses = await sendFor(sim, channel, 'Pipelines', 150_000);
		expect(new Set(statuses)).toEqual(new Set([401]));
		const warnings = refusalWarnings(processor.logs.slice(logFrom));
		expect(warnings.length).toBeGreaterThanOrEqual(2);
		expect(warnings.length).toBeLessThanOrEqual(4);
		expect(warnings[0]).toContain('token mismatch');
		const failed = await eventually(
			async () => {
				const executions = await executionsOf(main, REFUSED_WORKFLOW);
				return executions.length > 0 ? executions : undefined;
			},
			30_000,
			'the failed execution',
		);
		expect(failed.map((execution) => execution.status)).toEqual(['error']);
		expect(JSON.stringify(failed[0].data?.resultData)).toContain('refused (token mismatch)');
		expect(executionHosts(env.cluster, failed[0].id)).toEqual(ON_WORKER);
		expect(env.cluster.logs).not.toContain(channel.originalToken);
		expect((await main.api('POST', `/workflows/${REFUSED_WORKFLOW}/deactivate`)).status).toBe(200);
		scenario(
			`queue mode: ${statuses.length} refused calls over 2.5 minutes: ${warnings.length} warnings in the webhook processor's log, one failed execution on the worker`,
		);
	});

	it('13. after the static data was erased while the main was down, its restart during a Bigin outage keeps the webhook, and the renewer keeps the channel alive', async () => {
		const { main } = env.cluster;
		const erasedUrl = env.productionUrl(ERASED_WEBHOOK);
		await sim.control('POST', 'config', { expiryCapSeconds: 60 });
		expect((await main.api('POST', `/workflows/${ERASED_WORKFLOW}/activate`)).status).toBe(200);
		const before = await eventually(async () => await channelFor(erasedUrl), 30_000, 'the channel');
		await main.stop();
		await eraseStaticData(main, ERASED_WORKFLOW);
		await sim.control('POST', 'faults', {
			path: '/bigin/v2/actions/watch',
			method: 'GET',
			count: 1000,
			kind: 500,
			retryAfterSeconds: 0,
		});
		const logFrom = main.logs.length;
		try {
			await main.start();
			await main.waitFor(
				async () => main.logs.slice(logFrom).includes('could not be reached to check the channel'),
				60_000,
				'activation to meet the outage',
			);
		} finally {
			await sim.control('DELETE', 'faults');
		}
		try {
			const watched = await watchRenewals(async () => await channelFor(erasedUrl), 100_000);
			if (watched.lapses > 0 || watched.renewals < 2 || !watched.last)
				throw new Error(
					`${watched.lapses} lapses, ${watched.renewals} renewals\n${await renewalDiagnostics(sim, main.logs)}`,
				);
			expect(watched.last.channel_id).toBe(before.channel_id);
			const recordId = '6756839000000999002';
			const sent = await sim.control('POST', 'notify', {
				channel_id: before.channel_id,
				module: 'Events',
				operation: 'insert',
				ids: [recordId],
			});
			expect(sent.status).toBe(200);
			const execution = await executionOf(ERASED_WORKFLOW, recordId);
			expect(executionHosts(env.cluster, execution.id)).toEqual(ON_WORKER);
			scenario(
				`queue mode: static data erased, main restarted during an outage: ${watched.renewals} renewals of a one-minute channel, none lapsed once renewed, events flow`,
			);
		} finally {
			await sim.control('POST', 'config', { expiryCapSeconds: 0 });
			await main.api('POST', `/workflows/${ERASED_WORKFLOW}/deactivate`);
		}
	});

	it('10. deactivating the static-data writer deletes its channel', async () => {
		expect(
			(await env.cluster.main.api('POST', `/workflows/${TASKS_WORKFLOW}/deactivate`)).status,
		).toBe(200);
		await eventually(async () => (await channelFor(tasksUrl)) === undefined, 30_000, 'no channel');
		expect(await channelFor(contactsUrl)).toBeDefined();
		scenario('queue mode: deactivating the static-data writer deleted its channel');
	});

	it('11. deactivating the other workflow deletes the last channel', async () => {
		expect(
			(await env.cluster.main.api('POST', `/workflows/${CONTACTS_WORKFLOW}/deactivate`)).status,
		).toBe(200);
		await eventually(async () => (await channels()).length === 0, 30_000, 'no channels left');
		scenario('queue mode: deactivation deleted the last channel');
	});
});
