/**
 * How often the renewal check runs. It is a local comparison against the stored expiry and calls
 * Bigin only when a renewal is due, so a short period costs no API credits; it has to be short
 * because Bigin may hand out channels that live far less than the day that was asked for.
 */
export const RENEWAL_CHECK_CRON = '*/10 * * * * *';

/** Lifetime asked for on every enable and renewal: under Bigin's one-day maximum, with room for clock skew. */
export const REQUESTED_LIFETIME_HOURS = 23;

const MAX_LEAD_MS = 2 * 3600 * 1000;
const FIRST_RETRY_MS = 10 * 1000;
const MAX_RETRY_MS = 5 * 60 * 1000;

/**
 * When to renew: two hours before expiry, or halfway through the channel's life when Bigin granted
 * less than four hours, so that retries still fit before the channel lapses.
 */
export function renewalDueAt(expiresAtMs: number, grantedAtMs: number): number {
	const lifetime = Math.max(0, expiresAtMs - grantedAtMs);
	return expiresAtMs - Math.min(MAX_LEAD_MS, lifetime / 2);
}

export function isRenewalDue(
	state: { expiresAt: string; grantedAt: number; nextAttemptAt?: number },
	now: number,
): boolean {
	const expiresAt = Date.parse(state.expiresAt);
	if (Number.isNaN(expiresAt)) return true;
	if (state.nextAttemptAt !== undefined && now < state.nextAttemptAt) return false;
	return now >= renewalDueAt(expiresAt, state.grantedAt);
}

/**
 * Back-off after failed renewals. Rate limits, server and network errors pass: 10 s, 20 s, 40 s …
 * at most 5 minutes. Anything else (a revoked grant, a missing scope) needs a person, so it is
 * only retried every 5 minutes, in case they fix it before the channel lapses.
 */
export function retryDelayMs(failedAttempts: number, transient: boolean): number {
	if (!transient) return MAX_RETRY_MS;
	return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1));
}
