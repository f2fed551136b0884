import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** One page of a listing, and where the next one starts (none: that was the last page). */
export interface Page<T, Cursor> {
	entries: T[];
	next?: Cursor;
}

/**
 * Reads pages from `first` on until `enough` says so or Bigin has no more. `enough` defaults to
 * counting entries; listings that group entries (channels) count groups instead.
 */
export async function collectPages<T, Cursor>(
	fetchPage: (cursor: Cursor) => Promise<Page<T, Cursor>>,
	first: Cursor,
	enough: (entries: T[]) => boolean,
): Promise<T[]> {
	const entries: T[] = [];
	let cursor: Cursor | undefined = first;
	while (cursor !== undefined && !enough(entries)) {
		const page: Page<T, Cursor> = await fetchPage(cursor);
		entries.push(...page.entries);
		cursor = page.entries.length === 0 ? undefined : page.next;
	}
	return entries;
}

/** Return All and Limit, as every n8n listing offers them. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** How many entries the item asks for: Infinity with Return All. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? Infinity : Number(context.getNodeParameter('limit', itemIndex, 50));
}
