import type { DateTime } from 'luxon';

import { formatBiginDate, hasExplicitOffset, toDateTime } from './dateTime';

/** Bigin refuses to keep a channel longer than this; past it, it silently falls back to ~1 hour. */
export const MAX_CHANNEL_LIFETIME_HOURS = 24;

export function expiryInHours(hours: number, now: DateTime): string {
	return formatBiginDate(now.plus({ hours }));
}

/** A time as a person reads it, with the zone it is in: "Fri 27 Nov 2026, 18:30 (Europe/Berlin)". */
function readable(date: DateTime): string {
	return `${date.toFormat('ccc d LLL yyyy, HH:mm')} (${date.zoneName ?? date.toFormat('ZZ')})`;
}

/**
 * Why a requested expiry would not be honoured by Bigin, or undefined when it is fine. The
 * message says what "now" is in the zone used, since a time read in another zone than the
 * user's clock (n8n's default is America/New_York) looks mysteriously out of range otherwise.
 */
export function expiryProblem(expiry: DateTime, now: DateTime): string | undefined {
	if (!expiry.isValid)
		return `The expiry is not a valid date and time (${expiry.invalidExplanation ?? 'unreadable'})`;
	const clock = `it is now ${readable(now)}`;
	if (expiry <= now)
		return `The expiry ${readable(expiry)} is in the past: ${clock}. Pick a time within the next 24 hours`;
	const latest = now.plus({ hours: MAX_CHANNEL_LIFETIME_HOURS });
	if (expiry > latest) {
		return `The expiry ${readable(expiry)} is more than 24 hours ahead: ${clock}, so the latest is ${readable(latest)}. Bigin would silently shorten a longer one to its one-hour default`;
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

/** A typed time without an offset was read in the workflow's zone: say so, and where to change it. */
function zoneNote(value: unknown, zone: string): string {
	return typeof value === 'string' && !hasExplicitOffset(value.trim())
		? `. The time was read in the workflow's time zone, ${zone} (change it in the workflow's settings, or add an offset such as +01:00)`
		: '';
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
	const zone = now.zoneName ?? 'UTC';
	const at = toDateTime(choice.value, zone);
	const problem = expiryProblem(at, now);
	return problem
		? { problem: `${problem}${at.isValid ? zoneNote(choice.value, zone) : ''}` }
		: { expiry: formatBiginDate(at) };
}
