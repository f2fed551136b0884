import type { E2eEnvironment } from '../../tools/n8n/environment';
import {
	eventually,
	executionsOf,
	scenario,
	startEnvironment,
	triggerWorkflow,
} from '../../tools/n8n/environment';
import { eraseStaticData } from '../../tools/n8n/database';
import { n8nVersion } from '../../tools/n8n/paths';
import { simClient } from '../../tools/simulator/client';
import type { WatchedChannel } from '../support/channelWatch';
import {
	changeTokenInBigin,
	refusalWarnings,
	renewalDiagnostics,
	sendFor,
	verifiedOnce,
	watchRenewals,
} from '../support/channelWatch';

jest.setTimeout(15 * 60 * 1000);

const REFUSED_WORKFLOW = 'wfBiginRefused01';
const REFUSED_WEBHOOK = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const ERASED_WORKFLOW = 'wfBiginErased001';
const ERASED_WEBHOOK = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e';

/**
 * What issue 21 asked to see in a real n8n, in one process: refusals in the log and, once they
 * persist, in the executions list; and a renewer that keeps a channel alive after the workflow's
 * static data was erased.
 */
describe(`Bigin Trigger never silent, in a real n8n ${n8nVersion()}`, () => {
	let env: E2eEnvironment;
	let sim: ReturnType<typeof simClient>;
	const url = (webhookId: string) => `${env.n8n.url}/webhook/${webhookId}/webhook`;
	const channelFor = async (webhookId: string): Promise<WatchedChannel | undefined> =>
		((await sim.control('GET', 'channels')).channels as WatchedChannel[]).find(
			(channel) => channel.notify_url === url(webhookId),
		);

	beforeAll(async () => {
		env = await startEnvironment('visibility');
		sim = simClient(env.sim);
		await env.n8n.importWorkflow(
			triggerWorkflow(REFUSED_WORKFLOW, REFUSED_WEBHOOK, ['Pipelines.create'], {
				fetchRecords: false,
			}),
		);
		await env.n8n.importWorkflow(
			triggerWorkflow(ERASED_WORKFLOW, ERASED_WEBHOOK, ['Events.create'], { fetchRecords: false }),
		);
		await env.n8n.publish(REFUSED_WORKFLOW);
		await env.n8n.start();
		await eventually(async () => await channelFor(REFUSED_WEBHOOK), 60_000, 'the channel');
	});
	afterAll(async () => await env?.stop());

	it('1. calls Bigin sends with a token the credential no longer gives are refused: a warning a minute naming the cause, and after two minutes one failed execution naming it', async () => {
		const registered = (await channelFor(REFUSED_WEBHOOK))!;
		await verifiedOnce(sim, registered);
		const channel = await changeTokenInBigin(sim, registered);
		const logFrom = env.n8n.logs.length;
		const statuses = await sendFor(sim, channel, 'Pipelines', 150_000);
		expect(new Set(statuses)).toEqual(new Set([401]));

		const warnings = refusalWarnings(env.n8n.logs.slice(logFrom));
		expect(warnings.length).toBeGreaterThanOrEqual(2);
		expect(warnings.length).toBeLessThanOrEqual(4);
		expect(warnings[0]).toContain('token mismatch');
		expect(warnings[0]).toContain('Client Secret');
		const failed = await eventually(
			async () => {
				const executions = await executionsOf(env.n8n, REFUSED_WORKFLOW);
				return executions.length > 0 ? executions : undefined;
			},
			30_000,
			'the failed execution',
		);
		expect(failed.map((execution) => execution.status)).toEqual(['error']);
		const error = JSON.stringify(failed[0].data?.resultData);
		expect(error).toContain('refused (token mismatch)');
		expect(error).toContain('Re-publish the workflow');
		expect(env.n8n.logs).not.toContain(channel.originalToken);
		expect((await env.n8n.api('POST', `/workflows/${REFUSED_WORKFLOW}/deactivate`)).status).toBe(
			200,
		);
		scenario(
			`${statuses.length} refused calls over 2.5 minutes: ${warnings.length} warnings in the log, one failed execution`,
		);
	});

	it('2. after the static data was erased while n8n was down, a restart during a Bigin outage keeps the webhook, and the renewer keeps the channel alive', async () => {
		await env.n8n.api('POST', `/workflows/${REFUSED_WORKFLOW}/deactivate`);
		await sim.control('POST', 'config', { expiryCapSeconds: 60 });
		try {
			expect((await env.n8n.api('POST', `/workflows/${ERASED_WORKFLOW}/activate`)).status).toBe(
				200,
			);
			const before = await eventually(
				async () => await channelFor(ERASED_WEBHOOK),
				30_000,
				'the channel',
			);
			await env.n8n.stop();
			await eraseStaticData(env.n8n, ERASED_WORKFLOW);
			await sim.control('POST', 'faults', {
				path: '/bigin/v2/actions/watch',
				method: 'GET',
				count: 1000,
				kind: 500,
				retryAfterSeconds: 0,
			});
			const logFrom = env.n8n.logs.length;
			try {
				await env.n8n.start();
				await env.n8n.waitFor(
					async () =>
						env.n8n.logs.slice(logFrom).includes('could not be reached to check the channel'),
					60_000,
					'activation to meet the outage',
				);
			} finally {
				await sim.control('DELETE', 'faults');
			}
			const watched = await watchRenewals(async () => await channelFor(ERASED_WEBHOOK), 100_000);
			if (watched.lapses > 0 || watched.renewals < 2 || !watched.last)
				throw new Error(
					`${watched.lapses} lapses, ${watched.renewals} renewals\n${await renewalDiagnostics(sim, env.n8n.logs)}`,
				);
			expect(watched.last.channel_id).toBe(before.channel_id);
			const count = (await executionsOf(env.n8n, ERASED_WORKFLOW)).length;
			const sent = await sim.control('POST', 'notify', {
				channel_id: before.channel_id,
				module: 'Events',
				operation: 'insert',
				ids: ['6756839000000999001'],
			});
			expect(sent.status).toBe(200);
			await eventually(
				async () => (await executionsOf(env.n8n, ERASED_WORKFLOW)).length > count,
				30_000,
				'the execution',
			);
			scenario(
				`static data erased, restart during an outage: ${watched.renewals} renewals of a one-minute channel, none lapsed once renewed, events flow`,
			);
		} finally {
			await sim.control('POST', 'config', { expiryCapSeconds: 0 });
		}
	});
});
