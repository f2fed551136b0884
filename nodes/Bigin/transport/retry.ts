import { sleep } from 'n8n-workflow';

import { BiginApiError } from './errors';

/** How long one Bigin call may keep retrying passing failures before it gives up. */
export interface RetryPolicy {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	firstDelayMs: number;
	maxDelayMs: number;
	/** No retry starts once this much time has passed since the first attempt. */
	budgetMs: number;
}

/**
 * Bigin's concurrency limits answer 429 in bursts (mass updates, imports); a few seconds usually
 * clear them. Bounded so that a workflow step never hangs for long on an outage.
 */
export const REQUEST_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	firstDelayMs: 1000,
	maxDelayMs: 20_000,
	budgetMs: 60_000,
};

/** Spreads retries of many callers (±10 %), so they do not hit Bigin again in the same instant. */
export function withJitter(delayMs: number, random: () => number = Math.random): number {
	return Math.round(delayMs * (0.9 + 0.2 * random()));
}

/** Whether a failed call may be repeated: 429 always (Bigin did nothing), 5xx and network only when repeating is harmless. */
export function isRetryable(error: unknown, idempotent: boolean): error is BiginApiError {
	if (!(error instanceof BiginApiError) || !error.transient) return false;
	return error.httpCode === '429' || idempotent;
}

/**
 * The wait before attempt `attempt + 1`, or undefined when the policy says stop. A Retry-After
 * from Bigin wins over the back-off, as long as it still fits in the budget.
 */
export function requestRetryDelayMs(
	attempt: number,
	error: BiginApiError,
	elapsedMs: number,
	policy: RetryPolicy = REQUEST_RETRY_POLICY,
	random: () => number = Math.random,
): number | undefined {
	if (attempt >= policy.maxAttempts) return undefined;
	const backOff = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
	const delay = error.retryAfterMs ?? withJitter(backOff, random);
	return elapsedMs + delay > policy.budgetMs ? undefined : delay;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function settle<T>(call: () => Promise<T>): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await call() };
	} catch (error) {
		return { ok: false, error };
	}
}

/** Runs a Bigin call, repeating it after passing failures as the policy allows. */
export async function withRetry<T>(
	call: () => Promise<T>,
	options: { idempotent: boolean; policy?: RetryPolicy; wait?: (ms: number) => Promise<void> },
): Promise<T> {
	const wait = options.wait ?? sleep;
	const startedAt = Date.now();
	for (let attempt = 1; ; attempt++) {
		const outcome = await settle(call);
		if (outcome.ok) return outcome.value;
		const delay = isRetryable(outcome.error, options.idempotent)
			? requestRetryDelayMs(attempt, outcome.error, Date.now() - startedAt, options.policy)
			: undefined;
		if (delay === undefined) throw outcome.error;
		await wait(delay);
	}
}
