import {
	RENEWAL_CHECK_CRON,
	isRenewalDue,
	jitterFactor,
	renewalDueAt,
	retryDelayMs,
} from '../../../../nodes/Bigin/trigger/renewalSchedule';
import { REQUEST_RETRY_POLICY } from '../../../../nodes/Bigin/transport/retry';

const HOUR = 3600 * 1000;
const granted = Date.parse('2026-11-27T10:00:00Z');

describe('Renewal schedule', () => {
	it('renews a day-long channel two hours before it expires', () => {
		expect(renewalDueAt(granted + 23 * HOUR, granted)).toBe(granted + 21 * HOUR);
	});

	it('renews a channel Bigin shortened half a minute before half its life, room for a failed attempt', () => {
		expect(renewalDueAt(granted + HOUR, granted)).toBe(granted + HOUR / 2 - 30_000);
		expect(renewalDueAt(granted + 4 * HOUR, granted)).toBe(granted + 2 * HOUR);
	});

	it('renews a very short channel once a quarter of its life has passed', () => {
		expect(renewalDueAt(granted + 60_000, granted)).toBe(granted + 15_000);
		expect(renewalDueAt(granted + 100_000, granted)).toBe(granted + 25_000);
	});

	it("leaves a one-minute channel time for a renewal whose every retry fails, and the next check's", () => {
		const checkPeriod = 10_000;
		const latestStart = renewalDueAt(granted + 60_000, granted, 0.9) + checkPeriod;
		const { maxAttempts, firstDelayMs, maxDelayMs } = REQUEST_RETRY_POLICY;
		const retries = Array.from({ length: maxAttempts - 1 }, (_, attempt) =>
			Math.min(maxDelayMs, firstDelayMs * 2 ** attempt),
		).reduce((sum, delay) => sum + delay * 1.1, 0);
		expect(latestStart + retries + checkPeriod).toBeLessThan(granted + 60_000);
	});

	it('is due from the renewal time on (two hours before expiry, ±10 %), not before', () => {
		const state = { expiresAt: new Date(granted + 23 * HOUR).toISOString(), grantedAt: granted };
		expect(isRenewalDue(state, granted + 20.75 * HOUR)).toBe(false);
		expect(isRenewalDue(state, granted + 21.25 * HOUR)).toBe(true);
		expect(isRenewalDue(state, granted + 25 * HOUR)).toBe(true);
	});

	it('varies the lead by ±10 %, fixed for one grant and different across channels', () => {
		const factors = Array.from({ length: 200 }, (_, index) => jitterFactor(`channel-${index}`));
		expect(Math.min(...factors)).toBeGreaterThanOrEqual(0.9);
		expect(Math.max(...factors)).toBeLessThanOrEqual(1.1);
		expect(new Set(factors.map((factor) => factor.toFixed(3))).size).toBeGreaterThan(100);
		expect(jitterFactor('channel-1')).toBe(factors[1]);
		expect(renewalDueAt(granted + 23 * HOUR, granted, 1.1)).toBe(granted + 23 * HOUR - 2.2 * HOUR);
	});

	it('waits for the back-off after a failed attempt', () => {
		const state = {
			expiresAt: new Date(granted + HOUR).toISOString(),
			grantedAt: granted,
			nextAttemptAt: granted + 40 * 60_000,
		};
		expect(isRenewalDue(state, granted + 35 * 60_000)).toBe(false);
		expect(isRenewalDue(state, granted + 40 * 60_000)).toBe(true);
	});

	it('treats an unreadable expiry as due', () => {
		expect(isRenewalDue({ expiresAt: 'soon', grantedAt: granted }, granted)).toBe(true);
	});

	it('backs off exponentially up to five minutes after passing failures', () => {
		expect([1, 2, 3, 4, 5, 6, 10].map((attempt) => retryDelayMs(attempt, true))).toEqual([
			10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000,
		]);
	});

	it('retries every five minutes after a failure that needs a person', () => {
		expect(retryDelayMs(1, false)).toBe(300_000);
	});

	it('checks every ten seconds, which costs no API calls until a renewal is due', () => {
		expect(RENEWAL_CHECK_CRON).toBe('*/10 * * * * *');
	});

	it('spends at most two renewal calls a day on a day-long channel', () => {
		const renewalsPerDay = (24 * HOUR) / (renewalDueAt(granted + 23 * HOUR, granted) - granted);
		expect(renewalsPerDay).toBeLessThanOrEqual(2);
	});
});
