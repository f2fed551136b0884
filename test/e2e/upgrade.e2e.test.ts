import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { installCommunityPackage } from '../../tools/n8n/communityPackage';
import type { E2eEnvironment, Execution } from '../../tools/n8n/environment';
import {
	eventually,
	executionsOf,
	nodeOutput,
	packedTarball,
	scenario,
	startEnvironment,
	triggerWorkflow,
} from '../../tools/n8n/environment';
import { ROOT, n8nVersion } from '../../tools/n8n/paths';
import { PREVIOUS_RELEASE, packPreviousRelease } from '../../tools/n8n/previousRelease';
import { simClient } from '../../tools/simulator/client';

jest.setTimeout(10 * 60 * 1000);

const WORKFLOW = 'wfBiginUpgrade01';
const WEBHOOK = '6d7e8f9a-0b1c-4d23-9e4f-5a6b7c8d9e0f';

interface SimChannel {
	channel_id: string;
	events: string[];
	notify_url: string;
	token: string;
	notify_on_related_action: boolean;
	expires_in_seconds: number;
}

interface SimRequest {
	method: string;
	path: string;
	status: number;
}

/**
 * Updating the package while a workflow is active, as a user does it: the previous release
 * installed, the workflow active and receiving, n8n stopped, the package replaced by this one,
 * n8n started again. Everything goes through n8n's CLI and APIs and the simulator's control API,
 * so the test holds whatever the trigger keeps in static data.
 */
describe(`Upgrading from release ${PREVIOUS_RELEASE.version} to this package with an active workflow, n8n ${n8nVersion()}`, () => {
	let env: E2eEnvironment;
	let sim: ReturnType<typeof simClient>;
	let url: string;
	let original: SimChannel;
	const recordIds: string[] = [];

	beforeAll(async () => {
		env = await startEnvironment('upgrade', {}, await packPreviousRelease());
		sim = simClient(env.sim);
		await env.n8n.importWorkflow(
			triggerWorkflow(WORKFLOW, WEBHOOK, ['Contacts.create', 'Contacts.edit']),
		);
		await env.n8n.publish(WORKFLOW);
		await env.n8n.start();
		url = `${env.n8n.url}/webhook/${WEBHOOK}/webhook`;
	});
	afterAll(async () => await env?.stop());

	const channels = async (): Promise<SimChannel[]> =>
		(await sim.control('GET', 'channels')).channels;
	const watchWrites = async (): Promise<string[]> =>
		((await sim.control('GET', 'requests')).requests as SimRequest[])
			.filter((request) => request.path === '/bigin/v2/actions/watch' && request.method !== 'GET')
			.map((request) => `${request.method} ${request.status}`);
	const installedVersion = async (): Promise<string> =>
		JSON.parse(
			await readFile(
				join(env.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-bigin', 'package.json'),
				'utf8',
			),
		).version;

	async function createContact(lastName: string): Promise<string> {
		const recordId = String(
			(await sim.control('POST', 'records/Contacts', { Last_Name: lastName })).data[0].details.id,
		);
		recordIds.push(recordId);
		return recordId;
	}

	/** The executions whose trigger output holds this record: exactly one, successful, with the record. */
	async function executedOnce(recordId: string, lastName: string): Promise<Execution> {
		const found = await eventually(
			async () => {
				const executions = (await executionsOf(env.n8n, WORKFLOW)).filter((execution) =>
					nodeOutput(execution, 'Bigin Trigger').some((item) => item.recordId === recordId),
				);
				return executions.length > 0 && executions.every((e) => e.status === 'success')
					? executions
					: undefined;
			},
			45_000,
			`the execution of record ${recordId}\n${env.n8n.logs.split('\n').slice(-25).join('\n')}`,
		);
		expect(found).toHaveLength(1);
		expect(nodeOutput(found[0], 'Bigin Trigger')).toEqual([
			expect.objectContaining({
				event: 'Contacts.create',
				recordId,
				recordFound: true,
				record: expect.objectContaining({ Last_Name: lastName }),
			}),
		]);
		return found[0];
	}

	it(`1. release ${PREVIOUS_RELEASE.version} registers the channel and executes a notification with its record`, async () => {
		expect(await installedVersion()).toBe(PREVIOUS_RELEASE.version);
		[original] = await eventually(
			async () => ((await channels()).length > 0 ? await channels() : undefined),
			60_000,
			'the channel of the previous release',
		);
		expect(original.notify_url).toBe(url);
		await executedOnce(await createContact('Before the upgrade'), 'Before the upgrade');
		scenario(`release ${PREVIOUS_RELEASE.version} registered channel ${original.channel_id}`);
	});

	it('2. after the package is replaced and n8n restarted, the channel is kept: same id and token, nothing deleted, at most one re-registration', async () => {
		await env.n8n.stop();
		await installCommunityPackage(env.userFolder, await packedTarball());
		const current = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
		expect(await installedVersion()).toBe(current.version);
		await sim.request('DELETE', '/_sim/requests');

		await env.n8n.start();
		// The first renewal check after a start reads the channel back from Bigin: wait for it.
		await eventually(
			async () =>
				((await sim.control('GET', 'requests')).requests as SimRequest[]).some(
					(request) => request.path === '/bigin/v2/actions/watch',
				),
			60_000,
			'the upgraded trigger to check its channel',
		);
		await new Promise((resolve) => setTimeout(resolve, 12_000));
		const live = await channels();
		expect(live).toHaveLength(1);
		expect(live[0]).toMatchObject({
			channel_id: original.channel_id,
			token: original.token,
			notify_url: url,
			events: original.events,
		});
		const writes = await watchWrites();
		expect(writes.filter((write) => write.startsWith('DELETE'))).toEqual([]);
		expect(writes.filter((write) => write.startsWith('POST')).length).toBeLessThanOrEqual(1);
		scenario(
			`upgrade to ${current.version}: channel ${original.channel_id} kept; watch writes after the restart: ${writes.join(', ') || 'none'}`,
		);
	});

	it('3. notifications after the upgrade are verified and executed with their records; none before or after is lost or run twice; a forged one gets 401', async () => {
		await executedOnce(await createContact('After the upgrade'), 'After the upgrade');
		await executedOnce(await createContact('Later still'), 'Later still');
		for (const [index, recordId] of recordIds.entries())
			await executedOnce(
				recordId,
				['Before the upgrade', 'After the upgrade', 'Later still'][index],
			);

		const [channel] = await channels();
		const forged = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				server_time: Date.now(),
				query_params: {},
				module: 'Contacts',
				ids: [recordIds[0]],
				affected_fields: [],
				operation: 'insert',
				channel_id: channel.channel_id,
				token: 'forged-token',
			}),
		});
		expect(forged.status).toBe(401);
		scenario(
			'after the upgrade: every notification executed once with its record; forged one refused',
		);
	});

	it('4. the upgraded trigger renews the channel the previous release registered', async () => {
		await env.n8n.stop();
		// Bigin's record of the channel now ends in two and a half minutes: the first check after the
		// start adopts that expiry from Bigin, and the renewal must follow from the migrated state.
		const [channel] = await channels();
		await sim.request('PUT', '/bigin/v2/actions/watch', {
			token: await sim.token(),
			body: {
				watch: [
					{
						channel_id: channel.channel_id,
						events: channel.events,
						notify_url: channel.notify_url,
						token: channel.token,
						notify_on_related_action: channel.notify_on_related_action,
						channel_expiry: new Date(Date.now() + 150_000).toISOString(),
					},
				],
			},
		});
		expect((await channels())[0].expires_in_seconds).toBeLessThanOrEqual(150);
		await sim.request('DELETE', '/_sim/requests');
		await env.n8n.start();
		const renewed = await eventually(
			async () => {
				const [live] = await channels();
				return live && live.expires_in_seconds > 22.9 * 3600 ? live : undefined;
			},
			120_000,
			'the channel to be renewed',
		);
		expect(renewed.channel_id).toBe(original.channel_id);
		const writes = await watchWrites();
		expect(writes.filter((write) => write.startsWith('DELETE'))).toEqual([]);
		await executedOnce(await createContact('After the renewal'), 'After the renewal');
		scenario(`after the upgrade the channel was renewed in place (${writes.join(', ')})`);
	});

	it('5. deactivating after the upgrade deletes the channel the previous release registered', async () => {
		expect((await env.n8n.api('POST', `/workflows/${WORKFLOW}/deactivate`)).status).toBe(200);
		await eventually(async () => (await channels()).length === 0, 30_000, 'no channel left');
		scenario('deactivation after the upgrade deleted the channel');
	});
});
