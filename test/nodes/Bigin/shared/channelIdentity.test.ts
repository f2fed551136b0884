import {
	derivedChannelId,
	derivedVerificationToken,
	generateVerificationToken,
	randomChannelId,
	tokensMatch,
} from '../../../../nodes/Bigin/shared/channelIdentity';

describe('Channel identity', () => {
	it('derives a stable 15-digit id from its inputs', () => {
		const id = derivedChannelId('instance', 'workflow', 'webhook', 'production');
		expect(id).toMatch(/^[1-9]\d{14}$/);
		expect(derivedChannelId('instance', 'workflow', 'webhook', 'production')).toBe(id);
		expect(Number.isSafeInteger(Number(id))).toBe(true);
	});

	it('derives different ids for test and production, instances and webhooks', () => {
		const ids = new Set([
			derivedChannelId('instance', 'workflow', 'webhook', 'production'),
			derivedChannelId('instance', 'workflow', 'webhook', 'test'),
			derivedChannelId('other-instance', 'workflow', 'webhook', 'production'),
			derivedChannelId('instance', 'workflow', 'other-webhook', 'production'),
		]);
		expect(ids.size).toBe(4);
	});

	it('derives another id for another notify URL, so a clone serving another URL never shares one', () => {
		expect(
			derivedChannelId('instance', 'workflow', 'webhook', 'production', 'https://a/'),
		).not.toBe(derivedChannelId('instance', 'workflow', 'webhook', 'production', 'https://b/'));
	});

	it('derives the same 40-character token for the same secret and channel, another for either changed', () => {
		const token = derivedVerificationToken('client-secret', '123456789012345');
		expect(token).toMatch(/^[A-Za-z0-9_-]{40}$/);
		expect(derivedVerificationToken('client-secret', '123456789012345')).toBe(token);
		expect(derivedVerificationToken('other-secret', '123456789012345')).not.toBe(token);
		expect(derivedVerificationToken('client-secret', '123456789012346')).not.toBe(token);
	});

	it('derives no token without a secret', () => {
		expect(derivedVerificationToken('', '123456789012345')).toBeUndefined();
	});

	it('generates random digit ids', () => {
		const ids = Array.from({ length: 50 }, randomChannelId);
		expect(ids.every((id) => /^[1-9]\d{14}$/.test(id))).toBe(true);
		expect(new Set(ids).size).toBe(50);
	});

	it("generates random tokens within Bigin's 50-character limit", () => {
		const token = generateVerificationToken();
		expect(token).toHaveLength(40);
		expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(generateVerificationToken()).not.toBe(token);
	});

	it('matches tokens exactly', () => {
		expect(tokensMatch('secret', 'secret')).toBe(true);
		expect(tokensMatch('secret', 'secreT')).toBe(false);
		expect(tokensMatch('secret', 'secret ')).toBe(false);
		expect(tokensMatch('secret', null)).toBe(false);
		expect(tokensMatch('secret', 42)).toBe(false);
	});
});
