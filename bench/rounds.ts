import type { LoadResult } from './load';
import { load } from './load';
import type { Figure } from './report';

export interface LoadTarget {
	label: string;
	url: string | string[];
	body: string;
	headers?: Record<string, string>;
}

export interface RoundOptions {
	rounds: number;
	seconds: number;
	connections: number;
	/** Runs after every load, e.g. until the queue has drained, so no round pays for the last. */
	settle?: () => Promise<void>;
	/** CPU milliseconds the system under test has used so far: sampled around each load and its settling. */
	cpuUsed?: () => number;
}

/**
 * The order of the targets in a round: each round starts one target further, and every other
 * block of rounds runs backwards. Over rounds that are a multiple of twice the targets, each target
 * runs equally often in each position and after each other target (for two or three targets, every
 * order), so neither a machine that gets busier nor a cost one load leaves to the next favours one.
 */
export function roundOrder(targets: number, round: number): number[] {
	const order = Array.from({ length: targets }, (_, index) => (index + round) % targets);
	return Math.floor(round / targets) % 2 === 1 ? order.reverse() : order;
}

/**
 * The same load against each target in turn, round after round (in roundOrder), after a short
 * warm-up of each. With cpuUsed, each result also says what the load cost in CPU per request.
 */
export async function balancedRounds(
	targets: LoadTarget[],
	options: RoundOptions,
): Promise<LoadResult[][]> {
	const { cpuUsed } = options;
	const run = async (target: LoadTarget, seconds: number): Promise<LoadResult> => {
		const cpuBefore = cpuUsed?.();
		const result = await load(target.url, target.body, {
			seconds,
			connections: options.connections,
			headers: target.headers,
		});
		await options.settle?.();
		if (!cpuUsed || cpuBefore === undefined || result.requests === 0) return result;
		return { ...result, cpuPerRequest: (cpuUsed() - cpuBefore) / result.requests };
	};
	for (const target of targets) await run(target, 2);
	const results: LoadResult[][] = targets.map(() => []);
	for (let round = 0; round < options.rounds; round++) {
		for (const index of roundOrder(targets.length, round))
			results[index].push(await run(targets[index], options.seconds));
	}
	return results;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median and range of per-round ratios: each round's pair ran back to back on the same machine. */
function ratios(values: number[]): { median: number; text: string } {
	const value = median(values);
	return {
		median: value,
		text: `${value.toFixed(3)} (rounds ${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}, n=${values.length})`,
	};
}

/** Throughput and p99 of a subject relative to its peer, with targets when the peer is the fair one. */
export function comparison(
	name: string,
	subject: LoadResult[],
	peer: LoadResult[],
	withTargets: boolean,
): Figure[] {
	const throughput = ratios(
		subject.map((result, round) => result.requestsPerSecond / peer[round].requestsPerSecond),
	);
	const p99 = ratios(subject.map((result, round) => result.p99 / Math.max(peer[round].p99, 1)));
	const cpuRatios = subject.flatMap(({ cpuPerRequest }, round) => {
		const peerCpu = peer[round].cpuPerRequest;
		return cpuPerRequest === undefined || !peerCpu ? [] : [cpuPerRequest / peerCpu];
	});
	const cpu =
		cpuRatios.length > 0
			? [{ name: `CPU per request ratio, ${name}`, value: ratios(cpuRatios).text }]
			: [];
	return [
		{
			name: `Throughput ratio, ${name}`,
			value: throughput.text,
			...(withTargets && { target: '≥ 0.95', met: throughput.median >= 0.95 }),
		},
		{
			name: `p99 ratio, ${name}`,
			value: p99.text,
			...(withTargets && { target: '≤ 1.1', met: p99.median <= 1.1 }),
		},
		...cpu,
	];
}

function cpuText(results: LoadResult[]): string {
	const measured = results.flatMap(({ cpuPerRequest }) =>
		cpuPerRequest === undefined ? [] : [cpuPerRequest],
	);
	return measured.length === 0 ? '' : `${median(measured).toFixed(2)} ms`;
}

/** One table row per target: medians over the rounds, and every status code seen. */
export function summaryRow(prefix: string[], label: string, results: LoadResult[]): string[] {
	const statuses: Record<string, number> = {};
	for (const result of results)
		for (const [code, count] of Object.entries(result.statuses))
			statuses[code] = (statuses[code] ?? 0) + count;
	return [
		...prefix,
		label,
		`${median(results.map((result) => result.requestsPerSecond)).toFixed(0)} req/s`,
		`${median(results.map((result) => result.p50)).toFixed(1)} ms`,
		`${median(results.map((result) => result.p99)).toFixed(1)} ms`,
		cpuText(results),
		JSON.stringify(statuses),
	];
}
