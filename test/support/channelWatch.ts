import type { simClient } from '../../tools/simulator/client';

type Sim = ReturnType<typeof simClient>;

/** A channel as the simulator lists it. */
export interface WatchedChannel {
	channel_id: string;
	events: string[];
	notify_url: string;
	token: string;
	expires_in_seconds: number;
}

/** The token a changed channel had before. */
export interface ChangedChannel extends WatchedChannel {
	originalToken: string;
}

/**
 * Gives a channel another token in Bigin, as a changed Client Secret would leave it: Bigin keeps
 * sending the token it has, which the credential no longer gives.
 */
export async function changeTokenInBigin(
	sim: Sim,
	channel: WatchedChannel,
): Promise<ChangedChannel> {
	await sim.request('PUT', '/bigin/v2/actions/watch', {
		token: await sim.token(),
		body: {
			watch: [
				{
					channel_id: channel.channel_id,
					events: channel.events,
					notify_url: channel.notify_url,
					token: 'changed-in-bigin',
					channel_expiry: new Date(Date.now() + 20 * 3600 * 1000).toISOString(),
				},
			],
		},
	});
	return { ...channel, token: 'changed-in-bigin', originalToken: channel.token };
}

/** Has Bigin notify the channel every 20 seconds for `ms`; the webhook's answers. */
export async function sendFor(
	sim: Sim,
	channel: WatchedChannel,
	module: string,
	ms: number,
): Promise<number[]> {
	const statuses: number[] = [];
	const started = Date.now();
	while (Date.now() - started < ms) {
		const sent = await sim.control('POST', 'notify', {
			channel_id: channel.channel_id,
			module,
			operation: 'insert',
			ids: [String(6756839000000000000n + BigInt(statuses.length))],
		});
		statuses.push(Number(sent.status));
		await new Promise((resolve) => setTimeout(resolve, 20_000));
	}
	return statuses;
}

/** The lines an n8n process logged for refused calls that looked like Bigin's. */
export function refusalWarnings(logs: string): string[] {
	return logs
		.split('\n')
		.filter((line) => line.includes("refused a notification for this workflow's channel"));
}

/**
 * Watches a channel for `ms`: how often its expiry moved later, how often it was missing once it
 * had been renewed, and how it was last seen (undefined: missing at the end).
 */
export async function watchRenewals(
	read: () => Promise<WatchedChannel | undefined>,
	ms: number,
): Promise<{ lapses: number; renewals: number; last: WatchedChannel | undefined }> {
	const started = Date.now();
	let lapses = 0;
	let renewals = 0;
	let previous = await read();
	let last = previous;
	while (Date.now() - started < ms) {
		await new Promise((resolve) => setTimeout(resolve, 2000));
		last = await read();
		if (!last && renewals > 0) lapses += 1;
		else if (last && last.expires_in_seconds > (previous?.expires_in_seconds ?? 0) + 5)
			renewals += 1;
		previous = last ?? previous;
	}
	return { lapses, renewals, last };
}

/**
 * Waits for the renewer's first tick to have read the channel back from Bigin (it repairs a token
 * changed before then), so that a change made afterwards stays until its next check, hours away:
 * the third read of the channel, after activation's two (checkExists, then create).
 */
export async function verifiedOnce(sim: Sim, channel: WatchedChannel): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const requests = (await sim.control('GET', 'requests')).requests as Array<{
			method: string;
			path: string;
			query: Record<string, string>;
		}>;
		const reads = requests.filter(
			(request) =>
				request.method === 'GET' &&
				request.path === '/bigin/v2/actions/watch' &&
				request.query.channel_id === channel.channel_id,
		);
		if (reads.length >= 3) return;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	throw new Error(`the renewer never read channel ${channel.channel_id} back`);
}

/** What to print when a channel was not kept alive: the trigger's log lines and Bigin's watch calls. */
export async function renewalDiagnostics(sim: Sim, logs: string): Promise<string> {
	const calls = (
		(await sim.control('GET', 'requests')).requests as Array<{
			at: number;
			method: string;
			path: string;
			status: number;
		}>
	)
		.filter((request) => request.path === '/bigin/v2/actions/watch')
		.slice(-30)
		.map((request) => `${new Date(request.at).toISOString()} ${request.method} ${request.status}`);
	const lines = logs
		.split('\n')
		.filter((line) => line.includes('Bigin Trigger'))
		.slice(-30);
	return `Bigin's watch calls:\n${calls.join('\n')}\nlog:\n${lines.join('\n')}`;
}
