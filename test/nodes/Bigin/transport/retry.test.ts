import type { INode } from 'n8n-workflow';

import { BiginApiError, retryAfterMsOf } from '../../../../nodes/Bigin/transport/errors';
import {
	REQUEST_RETRY_POLICY,
	isRetryable,
	requestRetryDelayMs,
	withJitter,
	withRetry,
} from '../../../../nodes/Bigin/transport/retry';

const node: INode = {
	id: '1',
	name: 'Bigin',
	type: 'n8n-nodes-bigin.bigin',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const failure = (httpCode?: number, retryAfterMs?: number, transient?: boolean) =>
	new BiginApiError(
		node,
		{ code: 'X', message: 'x', status: 'error' },
		{ httpCode, retryAfterMs, transient },
	);
const middle = () => 0.5;

describe('Retrying Bigin calls', () => {
	it('retries a 429 for any call, and 5xx or network failures only for calls safe to repeat', () => {
		expect(isRetryable(failure(429), false)).toBe(true);
		expect(isRetryable(failure(500), true)).toBe(true);
		expect(isRetryable(failure(500), false)).toBe(false);
		expect(isRetryable(failure(undefined, undefined, true), true)).toBe(true);
		expect(isRetryable(failure(400), true)).toBe(false);
		expect(isRetryable(new Error('boom'), true)).toBe(false);
	});

	it('backs off exponentially with ±10 % jitter, up to the cap', () => {
		expect(
			[1, 2, 3, 4].map((attempt) =>
				requestRetryDelayMs(attempt, failure(429), 0, REQUEST_RETRY_POLICY, middle),
			),
		).toEqual([1000, 2000, 4000, 8000]);
		expect(withJitter(1000, () => 0)).toBe(900);
		expect(withJitter(1000, () => 1)).toBe(1100);
		const policy = { ...REQUEST_RETRY_POLICY, maxAttempts: 20, budgetMs: 10 ** 9 };
		expect(requestRetryDelayMs(10, failure(429), 0, policy, middle)).toBe(policy.maxDelayMs);
	});

	it("follows Bigin's Retry-After instead of its own back-off", () => {
		expect(requestRetryDelayMs(1, failure(429, 7000), 0)).toBe(7000);
	});

	it('stops after the last attempt, or when the wait would overrun the time budget', () => {
		expect(requestRetryDelayMs(REQUEST_RETRY_POLICY.maxAttempts, failure(429), 0)).toBeUndefined();
		expect(requestRetryDelayMs(1, failure(429, 30_000), 40_000)).toBeUndefined();
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		expect(retryAfterMsOf({ 'retry-after': '3' })).toBe(3000);
		expect(
			retryAfterMsOf(
				{ 'retry-after': 'Fri, 27 Nov 2026 10:00:05 GMT' },
				Date.parse('2026-11-27T10:00:00Z'),
			),
		).toBe(5000);
		expect(retryAfterMsOf({ 'retry-after': 'soon' })).toBeUndefined();
		expect(retryAfterMsOf(undefined)).toBeUndefined();
	});

	it('repeats the call until it succeeds, waiting as told', async () => {
		const waits: number[] = [];
		let calls = 0;
		const result = await withRetry(
			async () => {
				calls += 1;
				if (calls < 3) throw failure(429, 250);
				return 'done';
			},
			{ idempotent: false, wait: async (ms) => void waits.push(ms) },
		);
		expect(result).toBe('done');
		expect(waits).toEqual([250, 250]);
	});

	it('gives up with the last error when the failure is not worth repeating', async () => {
		let calls = 0;
		const error = failure(400);
		await expect(
			withRetry(
				async () => {
					calls += 1;
					throw error;
				},
				{ idempotent: true, wait: async () => undefined },
			),
		).rejects.toBe(error);
		expect(calls).toBe(1);
	});
});
