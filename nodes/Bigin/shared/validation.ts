import { CHANNEL_ID_PATTERN, MAX_TOKEN_LENGTH } from './channelIdentity';
import { eventStringProblem } from './events';
import type { ModuleTable } from './modules';
import { BIGIN_MODULES } from './modules';

export function channelIdProblem(channelId: string): string | undefined {
	if (channelId === '') return 'Channel ID is empty: enter the digits-only ID of the channel';
	if (!CHANNEL_ID_PATTERN.test(channelId)) {
		return `Channel ID "${channelId}" must be 1 to 18 digits and nothing else (Bigin rejects other IDs)`;
	}
	return undefined;
}

export function tokenProblem(token: string): string | undefined {
	if (token.length > MAX_TOKEN_LENGTH) {
		return `The verification token has ${token.length} characters; Bigin accepts at most ${MAX_TOKEN_LENGTH}`;
	}
	return undefined;
}

export function notifyUrlProblem(url: string): string | undefined {
	if (url === '')
		return 'Notify URL is empty: enter the public URL Bigin should send notifications to';
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `Notify URL "${url}" is not a valid URL`;
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		return `Notify URL "${url}" must start with https:// (or http://)`;
	}
	if (url.length > 255)
		return `Notify URL is ${url.length} characters long; Bigin accepts at most 255`;
	return undefined;
}

export function eventsProblem(
	events: string[],
	table: ModuleTable = BIGIN_MODULES,
): string | undefined {
	if (events.length === 0) {
		return 'No events chosen: pick at least one under Events, or type one under Other Events (e.g. Contacts.create)';
	}
	for (const event of events) {
		const problem = eventStringProblem(event, table);
		if (problem) return problem;
	}
	return undefined;
}
