import { DateTime } from 'luxon';

import { expiryProblem, resolveExpiry } from '../../../../nodes/Bigin/shared/expiry';

const now = DateTime.fromISO('2026-11-27T10:00:00', { zone: 'Europe/Berlin' });

describe('Channel expiry', () => {
	it('computes "in N hours" from now', () => {
		expect(resolveExpiry({ type: 'hours', hours: 6 }, now)).toEqual({
			expiry: '2026-11-27T16:00:00+01:00',
		});
	});

	it("sends 24 hours as one minute less, inside Bigin's one-day limit", () => {
		expect(resolveExpiry({ type: 'hours', hours: 24 }, now)).toEqual({
			expiry: '2026-11-28T09:59:00+01:00',
		});
	});

	it.each([0, -1, 25, Number.NaN])('refuses %s hours', (hours) => {
		expect(resolveExpiry({ type: 'hours', hours }, now).problem).toContain('1 to 24 hours');
	});

	it('reads a date without an offset in the workflow time zone', () => {
		expect(resolveExpiry({ type: 'dateTime', value: '2026-11-27T18:30:00' }, now)).toEqual({
			expiry: '2026-11-27T18:30:00+01:00',
		});
	});

	it('keeps the offset of a date that has one, and accepts JS and luxon dates', () => {
		expect(resolveExpiry({ type: 'dateTime', value: '2026-11-27T15:00:00+03:00' }, now)).toEqual({
			expiry: '2026-11-27T15:00:00+03:00',
		});
		expect(
			resolveExpiry({ type: 'dateTime', value: new Date('2026-11-27T12:00:00Z') }, now),
		).toEqual({ expiry: '2026-11-27T13:00:00+01:00' });
		expect(resolveExpiry({ type: 'dateTime', value: now.plus({ hours: 2 }) }, now)).toEqual({
			expiry: '2026-11-27T12:00:00+01:00',
		});
	});

	it('refuses a date in the past, more than a day ahead, or unreadable', () => {
		expect(
			resolveExpiry({ type: 'dateTime', value: '2026-11-27T09:00:00' }, now).problem,
		).toContain('in the past');
		expect(
			resolveExpiry({ type: 'dateTime', value: '2026-11-28T10:00:01' }, now).problem,
		).toContain('more than 24 hours ahead');
		expect(resolveExpiry({ type: 'dateTime', value: 'next tuesday' }, now).problem).toContain(
			'not a valid date',
		);
	});

	it('explains why an over-long expiry is refused rather than sent', () => {
		expect(expiryProblem(now.plus({ hours: 30 }), now)).toContain('silently shorten a longer one');
	});

	it('says which time zone was used and what "now" is there', () => {
		const newYork = now.setZone('America/New_York');
		const problem = resolveExpiry(
			{ type: 'dateTime', value: '2026-11-28T07:00:00' },
			newYork,
		).problem;
		expect(problem).toContain('it is now Fri 27 Nov 2026, 04:00 (America/New_York)');
		expect(problem).toContain('the latest is Sat 28 Nov 2026, 04:00 (America/New_York)');
		expect(problem).toContain("read in the workflow's time zone, America/New_York");
		expect(
			resolveExpiry({ type: 'dateTime', value: '2026-11-27T08:00:00+01:00' }, now).problem,
		).toMatch(/is in the past: it is now Fri 27 Nov 2026, 10:00 \(Europe\/Berlin\)\. [^.]*hours$/);
	});
});
