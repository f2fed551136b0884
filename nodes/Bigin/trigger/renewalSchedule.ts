import { createHash } from 'crypto';

/**
 * How often the renewal check runs. It is a local comparison against the stored expiry and calls
 * Bigin only when a verification or a renewal is due, so a short period costs no API credits; it
 * has to be short because Bigin may hand out channels that live far less than what was asked for.
 */
export const RENEWAL_CHECK_CRON = '*/10 * * * * *';

/** How often the renewer reads the channel back from Bigin to notice it was deleted or changed. */
export const VERIFY_INTERVAL_MS = 6 * 3600 * 1000;

const MAX_LEAD_MS = 2 * 3600 * 1000;
/**
 * What one failed renewal costs before the next try: the transport's own retries (about 15 s)
 * and the wait for the next check (10 s), rounded up.
 */
const FAILED_ATTEMPT_MS = 30 * 1000;
const FIRST_RETRY_MS = 10 * 1000;
const MAX_RETRY_MS = 5 * 60 * 1000;

/**
 * A factor between 0.9 and 1.1, fixed for one seed: the renewal time of one grant stays put from
 * tick to tick, while channels granted at the same moment renew at different times.
 */
export function jitterFactor(seed: string): number {
	const fraction = createHash('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
	return 0.9 + 0.2 * fraction;
}

/**
 * When to renew: two hours before expiry. When Bigin granted less than four hours, half the
 * channel's life plus one failed attempt before expiry, so that a failure and its retry still fit
 * before the channel lapses, but never before a quarter of its life has passed. The lead varies by
 * `jitter` (±10 %).
 */
export function renewalDueAt(expiresAtMs: number, grantedAtMs: number, jitter = 1): number {
	const lifetime = Math.max(0, expiresAtMs - grantedAtMs);
	const lead = Math.min(MAX_LEAD_MS, lifetime / 2 + FAILED_ATTEMPT_MS, (lifetime * 3) / 4);
	return expiresAtMs - lead * jitter;
}

export function isRenewalDue(
	channel: {
		definition?: { channel_id: string };
		expiresAt: string;
		grantedAt: number;
		nextAttemptAt?: number;
	},
	now: number,
): boolean {
	const expiresAt = Date.parse(channel.expiresAt);
	if (Number.isNaN(expiresAt)) return true;
	if (channel.nextAttemptAt !== undefined && now < channel.nextAttemptAt) return false;
	const jitter = jitterFactor(`${channel.definition?.channel_id ?? ''}:${channel.expiresAt}`);
	return now >= renewalDueAt(expiresAt, channel.grantedAt, jitter);
}

/**
 * Back-off after failed renewals, before jitter. Rate limits, server and network errors pass: 10 s,
 * 20 s, 40 s … at most 5 minutes. Anything else (a revoked grant, a missing scope) needs a person,
 * so it is only retried every 5 minutes, in case they fix it before the channel lapses.
 */
export function retryDelayMs(failedAttempts: number, transient: boolean): number {
	if (!transient) return MAX_RETRY_MS;
	return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1));
}
