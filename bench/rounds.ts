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
}

/**
 * The same load against each target in turn, round after round, after a short warm-up of each;
 * odd rounds go in reverse order so that a machine getting busier or quieter favours no target.
 */
export async function alternatingRounds(
	targets: LoadTarget[],
	options: RoundOptions,
): Promise<LoadResult[][]> {
	const run = async (target: LoadTarget, seconds: number) => {
		const result = await load(target.url, target.body, {
			seconds,
			connections: options.connections,
			headers: target.headers,
		});
		await options.settle?.();
		return result;
	};
	for (const target of targets) await run(target, 2);
	const results: LoadResult[][] = targets.map(() => []);
	for (let round = 0; round < options.rounds; round++) {
		const order = targets.map((_, index) => index);
		if (round % 2 === 1) order.reverse();
		for (const index of order) results[index].push(await run(targets[index], options.seconds));
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
	];
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
		JSON.stringify(statuses),
	];
}
