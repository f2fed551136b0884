import { DateTime } from 'luxon';

import {
	formatBiginDate,
	hasExplicitOffset,
	toDateTime,
} from '../../../../nodes/Bigin/shared/dateTime';

const now = DateTime.fromISO('2026-11-27T10:00:00', { zone: 'Europe/Berlin' });

describe('Date-times', () => {
	it('formats like Bigin: ISO 8601 with an explicit offset, no milliseconds', () => {
		expect(formatBiginDate(now.plus({ milliseconds: 789 }))).toBe('2026-11-27T10:00:00+01:00');
		expect(formatBiginDate(DateTime.fromISO('2026-06-01T08:00:00Z', { zone: 'UTC' }))).toBe(
			'2026-06-01T08:00:00+00:00',
		);
	});

	it('knows whether a written time carries its offset', () => {
		expect(
			['2026-06-01T08:00:00Z', '2026-06-01T08:00:00+02:00', '2026-06-01T08:00-0530'].map(
				hasExplicitOffset,
			),
		).toEqual([true, true, true]);
		expect(hasExplicitOffset('2026-06-01T08:00:00')).toBe(false);
	});

	it('keeps the offset a time is written with, and reads one without in the given zone', () => {
		expect(formatBiginDate(toDateTime('2026-06-01T08:00:00-05:00', 'Europe/Berlin'))).toBe(
			'2026-06-01T08:00:00-05:00',
		);
		expect(formatBiginDate(toDateTime('2026-06-01T08:00:00', 'Europe/Berlin'))).toBe(
			'2026-06-01T08:00:00+02:00',
		);
	});

	it('takes what a workflow hands over: a DateTime, a Date, epoch milliseconds', () => {
		expect(toDateTime(now, 'UTC')).toBe(now);
		const instant = Date.UTC(2026, 10, 27, 9, 0);
		for (const value of [new Date(instant), instant]) {
			expect(formatBiginDate(toDateTime(value, 'Europe/Berlin'))).toBe('2026-11-27T10:00:00+01:00');
		}
	});

	it('gives an invalid time, not an error, for a value that names none', () => {
		for (const value of ['tomorrow', '', undefined, null, { at: 'noon' }]) {
			expect(toDateTime(value, 'UTC').isValid).toBe(false);
		}
	});
});
