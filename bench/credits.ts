import type { IDataObject } from 'n8n-workflow';

import { startSimulator } from '../tools/simulator';
import type { SimulatorReading } from '../tools/simulator/readings';
import { HOSTILE_READING, SINGLE_READINGS } from '../tools/simulator/readings';
import type { RegisteredCron } from '../tools/contexts/contexts';
import { hookContext, triggerContext } from '../tools/contexts/contexts';
import { simulatorCredentials, testNode } from '../tools/contexts/nodeHarness';
import { BiginTrigger } from '../nodes/Bigin/BiginTrigger.node';
import { readStoredChannel } from '../nodes/Bigin/trigger/storedChannel';
import type { Section } from './report';

const DAYS = 7;
const TICK_MS = 10_000;
const DAILY_BUDGET = 6;

function summary(methods: string[]): string {
	const counts = methods.reduce<Record<string, number>>(
		(all, method) => ({ ...all, [method]: (all[method] ?? 0) + 1 }),
		{},
	);
	return Object.entries(counts)
		.map(([method, count]) => `${count} ${method}`)
		.join(', ');
}

interface DailyCalls {
	perDay: number;
	apiCalls: number;
	activationCalls: number;
	rejectedForExpiredToken: number;
	methods: string[];
	lapsedTicks: number;
	ticks: number;
}

/**
 * One active trigger with default settings, its renewal cron ticking every ten seconds over
 * simulated days under one reading of Bigin. The simulator runs in this process, so moving
 * Date.now moves both clocks.
 */
async function dailyCalls(reading: SimulatorReading): Promise<DailyCalls> {
	const realNow = Date.now;
	let now = realNow();
	Date.now = () => now;
	const sim = await startSimulator({ config: reading.config });
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
			const channelId = readStoredChannel(staticData)?.channelId ?? '';
			if (sim.state.liveChannel(channelId) === undefined) lapsedTicks += 1;
		}
		const renewalCalls = sim.state.requestLog
			.slice(activationCalls)
			.filter((entry) => entry.path.startsWith('/bigin/'));
		// Zoho answers an expired access token with 401 before doing any work; n8n then refreshes and retries.
		const counted = renewalCalls.filter((entry) => entry.status !== 401);
		return {
			perDay: counted.length / DAYS,
			apiCalls: counted.length,
			activationCalls,
			rejectedForExpiredToken: renewalCalls.length - counted.length,
			methods: counted.map((entry) => entry.method),
			lapsedTicks,
			ticks,
		};
	} finally {
		Date.now = realNow;
		await sim.stop();
	}
}

/** Figure 5: Bigin calls per channel per day, under the most likely reading of Bigin and the most hostile one. */
export async function credits(): Promise<Section> {
	const likely = await dailyCalls(SINGLE_READINGS[0]);
	const hostile = await dailyCalls(HOSTILE_READING);
	const figure = (label: string, result: DailyCalls) => ({
		name: `Bigin calls per channel per day, verification included (${label})`,
		value: `${result.perDay.toFixed(2)} (${result.apiCalls} calls in ${DAYS} days: ${summary(result.methods)}; after ${result.activationCalls} on activation)`,
		target: `≤ ${DAILY_BUDGET}`,
		met: result.perDay <= DAILY_BUDGET,
	});
	return {
		title: '5. API credits',
		description: `One active Bigin Trigger with default settings; its renewal check ran every 10 s over ${DAYS} simulated days (${likely.ticks} ticks) against the simulator, whose request log counts the Bigin API calls: a verifying GET every ~6 h and a renewal before each expiry. The hostile reading (one-day cap from the first enable, re-enable that only moves the expiry) makes the renewer re-create the channel instead of renewing it. Each fetched record costs one more call, and only when an event happens.`,
		figures: [
			figure('default reading', likely),
			figure('hostile reading', hostile),
			{
				name: 'Calls refused for an expired access token (401, retried after n8n refreshed it)',
				value: `${likely.rejectedForExpiredToken} in ${DAYS} days`,
			},
			{
				name: 'Ticks on which the channel had lapsed (default; hostile)',
				value: `${likely.lapsedTicks}; ${hostile.lapsedTicks}`,
				target: '0',
				met: likely.lapsedTicks === 0 && hostile.lapsedTicks === 0,
			},
			{
				name: "Share of a free plan's daily 5,000 credits",
				value: `${((likely.perDay / 5000) * 100).toFixed(3)} %`,
			},
		],
	};
}
