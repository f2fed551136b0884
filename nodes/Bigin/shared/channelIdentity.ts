import { createHash, randomBytes, randomInt, timingSafeEqual } from 'crypto';

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
	return randomBytes(30).toString('base64url');
}

/** Compares in constant time, so response timing tells a forger nothing about the token. */
export function tokensMatch(expected: string, received: unknown): boolean {
	if (typeof received !== 'string') return false;
	const a = createHash('sha256').update(expected).digest();
	const b = createHash('sha256').update(received).digest();
	return timingSafeEqual(a, b) && expected.length === received.length;
}
