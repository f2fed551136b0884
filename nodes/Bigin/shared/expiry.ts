import { DateTime } from 'luxon';

/** Bigin refuses to keep a channel longer than this; past it, it silently falls back to ~1 hour. */
export const MAX_CHANNEL_LIFETIME_HOURS = 24;

const BIGIN_DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ssZZ";

/** ISO 8601 with an explicit offset and no milliseconds, the form Bigin itself returns. */
export function formatBiginDate(date: DateTime): string {
	return date.set({ millisecond: 0 }).toFormat(BIGIN_DATE_FORMAT);
}

export function expiryInHours(hours: number, now: DateTime): string {
	return formatBiginDate(now.plus({ hours }));
}

/** Why a requested expiry would not be honoured by Bigin, or undefined when it is fine. */
export function expiryProblem(expiry: DateTime, now: DateTime): string | undefined {
	if (!expiry.isValid)
		return `The expiry is not a valid date and time (${expiry.invalidExplanation ?? 'unreadable'})`;
	if (expiry <= now)
		return `The expiry ${formatBiginDate(expiry)} is in the past; pick a time within the next 24 hours`;
	if (expiry > now.plus({ hours: MAX_CHANNEL_LIFETIME_HOURS })) {
		return `The expiry ${formatBiginDate(expiry)} is more than 24 hours ahead. Bigin would silently shorten it to its one-hour default, so pick a time within the next 24 hours`;
	}
	return undefined;
}

export function hoursProblem(hours: number): string | undefined {
	if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_CHANNEL_LIFETIME_HOURS) {
		return `Expire in ${hours} hours is not possible: Bigin keeps a channel for 1 to 24 hours`;
	}
	return undefined;
}

/** Bigin measures the one-day limit on its own clock; a minute's margin keeps "24 hours" inside it. */
const ONE_DAY_SAFETY_MARGIN = { minutes: 1 };

export type ExpiryChoice = { type: 'hours'; hours: number } | { type: 'dateTime'; value: unknown };

function toDateTime(value: unknown, zone: string): DateTime {
	if (DateTime.isDateTime(value)) return value;
	if (value instanceof Date) return DateTime.fromJSDate(value, { zone });
	if (typeof value === 'number') return DateTime.fromMillis(value, { zone });
	return DateTime.fromISO(String(value ?? ''), {
		zone,
		setZone: /([+-]\d{2}:?\d{2}|Z)$/.test(String(value)),
	});
}

/** The channel_expiry to send for the user's choice, or why it cannot be honoured. */
export function resolveExpiry(
	choice: ExpiryChoice,
	now: DateTime,
): { expiry: string; problem?: undefined } | { expiry?: undefined; problem: string } {
	if (choice.type === 'hours') {
		const problem = hoursProblem(choice.hours);
		if (problem) return { problem };
		const latest = now.plus({ hours: MAX_CHANNEL_LIFETIME_HOURS }).minus(ONE_DAY_SAFETY_MARGIN);
		const wanted = now.plus({ hours: choice.hours });
		return { expiry: formatBiginDate(wanted < latest ? wanted : latest) };
	}
	const at = toDateTime(choice.value, now.zoneName ?? 'UTC');
	const problem = expiryProblem(at, now);
	return problem ? { problem } : { expiry: formatBiginDate(at) };
}
