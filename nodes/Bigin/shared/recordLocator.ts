/** Bigin record ids are long digit strings. */
export const RECORD_ID_PATTERN = /^\d{6,25}$/;

/**
 * A record URL as Bigin's web app shows it, e.g.
 * `https://bigin.zoho.eu/bigin/org20071234/Home#/contacts/6756839000000575405?section=activities`:
 * the id is the first path segment of six or more digits (the org's `org…` segment does not count).
 */
export const RECORD_URL_PATTERN = '^https?://\\S+?/(\\d{6,25})(?:[/?#&].*)?$';

export interface RecordLocator {
	mode?: string;
	value?: unknown;
}

/** The record id a locator names, whatever mode it is in; a plain string counts as an id or URL. */
export function recordIdFromLocator(locator: RecordLocator | string | number | undefined): string {
	const raw =
		typeof locator === 'object' && locator !== null ? locator.value : (locator as unknown);
	const text = String(raw ?? '').trim();
	const fromUrl = new RegExp(RECORD_URL_PATTERN).exec(text);
	return fromUrl ? fromUrl[1] : text;
}

/** Why a record id would be refused, or undefined when it looks like one. */
export function recordIdProblem(recordId: string): string | undefined {
	if (recordId === '')
		return 'Record is empty: enter a record ID, paste a Bigin record URL, or pick one from the list';
	if (!RECORD_ID_PATTERN.test(recordId)) {
		return `"${recordId}" is not a Bigin record ID: use the digits-only ID or the record's URL from Bigin`;
	}
	return undefined;
}
