import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'crypto';

/** Bigin wants digits; 15 of them stay below Number.MAX_SAFE_INTEGER and Java's long. */
export const CHANNEL_ID_DIGITS = 15;

const SMALLEST_ID = 10n ** BigInt(CHANNEL_ID_DIGITS - 1);
const ID_RANGE = 9n * SMALLEST_ID;

export const CHANNEL_ID_PATTERN = /^\d{1,18}$/;

export const MAX_TOKEN_LENGTH = 50;

/** A stable channel id for the same inputs, so a lost channel can be recreated under its old id. */
export function derivedChannelId(...parts: string[]): string {
	const digest = createHash('sha256').update(parts.join('\u0000')).digest();
	return String(SMALLEST_ID + (digest.readBigUInt64BE(0) % ID_RANGE));
}

export function randomChannelId(): string {
	const head = randomInt(1, 10);
	const tail = Array.from({ length: CHANNEL_ID_DIGITS - 1 }, () => randomInt(0, 10)).join('');
	return `${head}${tail}`;
}

/** 40 URL-safe characters: well inside Bigin's 50-character limit, 240 bits of randomness. */
export function generateVerificationToken(): string {
	return randomBytes((TOKEN_LENGTH * 3) / 4).toString('base64url');
}

const TOKEN_LENGTH = 40;

/**
 * The verification token of a channel, derived rather than random: every process of one
 * installation that activates the same channel computes the same token without talking to the
 * others, so any copy of the workflow's static data verifies Bigin's calls. The key is a secret
 * those processes share and outsiders lack (the OAuth client secret); the channel id binds it to
 * one channel. Undefined when there is no secret to derive it from.
 */
export function derivedVerificationToken(secret: string, channelId: string): string | undefined {
	if (secret === '') return undefined;
	return createHmac('sha256', secret)
		.update(`bigin-trigger-verification-token\u0000${channelId}`)
		.digest('base64url')
		.slice(0, TOKEN_LENGTH);
}

/** Compares in constant time, so response timing tells a forger nothing about the token. */
export function tokensMatch(expected: string, received: unknown): boolean {
	if (typeof received !== 'string') return false;
	const a = createHash('sha256').update(expected).digest();
	const b = createHash('sha256').update(received).digest();
	return timingSafeEqual(a, b) && expected.length === received.length;
}
