import type { IDataObject } from 'n8n-workflow';

import { startSimulator } from '../test/bigin-simulator';
import type { RegisteredCron } from '../test/support/contexts';
import { hookContext, triggerContext } from '../test/support/contexts';
import { simulatorCredentials, testNode } from '../test/support/nodeHarness';
import { BiginTrigger } from '../nodes/Bigin/BiginTrigger.node';
import type { Section } from './report';

const DAYS = 7;
const TICK_MS = 10_000;

function summary(methods: string[]): string {
	const counts = methods.reduce<Record<string, number>>(
		(all, method) => ({ ...all, [method]: (all[method] ?? 0) + 1 }),
		{},
	);
	return Object.entries(counts)
		.map(([method, count]) => `${count} ${method}`)
		.join(', ');
}

/**
 * Figure 5: one active trigger with default settings, its renewal cron ticking every ten seconds
 * over simulated days. The simulator runs in this process, so moving Date.now moves both clocks.
 */
export async function credits(): Promise<Section> {
	const realNow = Date.now;
	let now = realNow();
	Date.now = () => now;
	const sim = await startSimulator();
	try {
		const trigger = new BiginTrigger();
		const node = testNode('biginTrigger');
		const credentials = await simulatorCredentials(sim);
		const staticData: IDataObject = {};
		const crons: RegisteredCron[] = [];
		const parameters = { events: ['Contacts.all'], options: {} };
		const hook = hookContext({
			node,
			credentials,
			parameters,
			staticData,
			webhookUrl: 'https://n8n.example.com/webhook/x/webhook',
		});
		await trigger.webhookMethods.default.create.call(hook);
		await trigger.trigger.call(
			triggerContext({ node, credentials, parameters, staticData, crons }),
		);
		const activationCalls = sim.state.requestLog.length;

		let lapsedTicks = 0;
		const ticks = (DAYS * 24 * 3600 * 1000) / TICK_MS;
		for (let tick = 0; tick < ticks; tick++) {
			now += TICK_MS;
			await crons[0].onTick();
			if (sim.state.liveChannel(String(staticData.channelId)) === undefined) lapsedTicks += 1;
		}
		const renewalCalls = sim.state.requestLog
			.slice(activationCalls)
			.filter((entry) => entry.path.startsWith('/bigin/'));
		// Zoho answers an expired access token with 401 before doing any work; n8n then refreshes and retries.
		const apiCalls = renewalCalls.filter((entry) => entry.status !== 401).length;
		const rejectedForExpiredToken = renewalCalls.length - apiCalls;
		const methods = renewalCalls
			.filter((entry) => entry.status !== 401)
			.map((entry) => entry.method);
		const perDay = apiCalls / DAYS;
		return {
			title: '5. API credits',
			description: `One active Bigin Trigger with default settings; its renewal check ran every 10 s over ${DAYS} simulated days (${ticks} ticks) against the simulator, whose request log counts the Bigin API calls. Each fetched record costs one more call, and only when an event happens.`,
			figures: [
				{
					name: 'Renewal calls per channel per day',
					value: `${perDay.toFixed(2)} (${apiCalls} calls in ${DAYS} days: ${summary(methods)}; after ${activationCalls} on activation)`,
					target: '≤ 2',
					met: perDay <= 2,
				},
				{
					name: 'Calls refused for an expired access token (401, retried after n8n refreshed it)',
					value: `${rejectedForExpiredToken} in ${DAYS} days`,
				},
				{
					name: 'Ticks on which the channel had lapsed',
					value: String(lapsedTicks),
					target: '0',
					met: lapsedTicks === 0,
				},
				{
					name: "Share of a free plan's daily 5,000 credits",
					value: `${((perDay / 5000) * 100).toFixed(3)} %`,
				},
			],
		};
	} finally {
		Date.now = realNow;
		await sim.stop();
	}
}
