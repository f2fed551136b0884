import { DateTime } from 'luxon';

const BIGIN_DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ssZZ";

/** ISO 8601 with an explicit offset and no milliseconds, the form Bigin itself returns. */
export function formatBiginDate(date: DateTime): string {
	return date.set({ millisecond: 0 }).toFormat(BIGIN_DATE_FORMAT);
}

const EXPLICIT_OFFSET = /([+-]\d{2}:?\d{2}|Z)$/;

/** Whether a written time carries its offset (`+01:00`, `Z`); one without is read in a zone. */
export function hasExplicitOffset(text: string): boolean {
	return EXPLICIT_OFFSET.test(text);
}

/**
 * A time as a workflow hands it over: a Luxon DateTime or a Date as it is, a number as epoch
 * milliseconds, text as ISO 8601 keeping its own offset, or read in `zone` when it has none.
 * The result is invalid (not thrown) when the value reads as no time.
 */
export function toDateTime(value: unknown, zone: string): DateTime {
	if (DateTime.isDateTime(value)) return value;
	if (value instanceof Date) return DateTime.fromJSDate(value, { zone });
	if (typeof value === 'number') return DateTime.fromMillis(value, { zone });
	const text = String(value ?? '');
	return DateTime.fromISO(text, { zone, setZone: hasExplicitOffset(text) });
}
