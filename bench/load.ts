import autocannon from 'autocannon';

/** Where a body holds this, every request sends a new record id instead: a new notification. */
export const FRESH_ID = '[<id>]';

let sequence = 0;
const freshId = () => String(6756839000000000000n + BigInt(++sequence));

export interface LoadResult {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	statuses: Record<string, number>;
	requests: number;
	/** CPU milliseconds the system under test spent per request, where the bench measured it. */
	cpuPerRequest?: number;
}

/**
 * A bounded load from this process on loopback: fixed connections, fixed duration. Several URLs
 * (processes behind an imaginary load balancer) share the connections round-robin.
 */
export async function load(
	url: string | string[],
	body: string,
	options: {
		seconds: number;
		connections: number;
		contentType?: string;
		headers?: Record<string, string>;
	},
): Promise<LoadResult> {
	const result = await autocannon({
		// autocannon takes an array of URLs; its type definitions do not say so.
		url: url as string,
		method: 'POST',
		body,
		headers: { 'content-type': options.contentType ?? 'application/json', ...options.headers },
		connections: options.connections,
		duration: options.seconds,
		timeout: 10,
		...(body.includes(FRESH_ID) && {
			requests: [
				{
					setupRequest: (request: object) => ({
						...request,
						body: body.replace(FRESH_ID, freshId()),
					}),
				},
			],
		}),
	});
	const statuses: Record<string, number> = {};
	for (const [code, count] of Object.entries(result.statusCodeStats ?? {}))
		statuses[code] = (count as { count: number }).count;
	return {
		requestsPerSecond: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		statuses,
		requests: result.requests.total,
	};
}

export function best(results: LoadResult[]): LoadResult {
	return results.reduce((top, result) =>
		result.requestsPerSecond > top.requestsPerSecond ? result : top,
	);
}
