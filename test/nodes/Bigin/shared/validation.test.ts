import {
	channelIdProblem,
	eventsProblem,
	notifyUrlProblem,
	tokenProblem,
} from '../../../../nodes/Bigin/shared/validation';

describe('Parameter validation', () => {
	it('wants channel ids of 1 to 18 digits', () => {
		expect(channelIdProblem('1735689600123')).toBeUndefined();
		expect(channelIdProblem('')).toContain('empty');
		expect(channelIdProblem('abc')).toContain('must be 1 to 18 digits');
		expect(channelIdProblem('1'.repeat(19))).toContain('must be 1 to 18 digits');
	});

	it('wants tokens of at most 50 characters', () => {
		expect(tokenProblem('x'.repeat(50))).toBeUndefined();
		expect(tokenProblem('x'.repeat(51))).toBe(
			'The verification token has 51 characters; Bigin accepts at most 50',
		);
	});

	it('wants an http(s) notify URL of at most 255 characters', () => {
		expect(notifyUrlProblem('https://example.com/hook?a=1')).toBeUndefined();
		expect(notifyUrlProblem('')).toContain('empty');
		expect(notifyUrlProblem('example.com/hook')).toContain('not a valid URL');
		expect(notifyUrlProblem('ftp://example.com/hook')).toContain('https://');
		expect(notifyUrlProblem(`https://example.com/${'a'.repeat(260)}`)).toContain('at most 255');
	});

	it('wants at least one valid event', () => {
		expect(eventsProblem(['Contacts.create'])).toBeUndefined();
		expect(eventsProblem([])).toContain('No events chosen');
		expect(eventsProblem(['Contacts.create', 'Leads.create'])).toContain('Leads');
	});
});
