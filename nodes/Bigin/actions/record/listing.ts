import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { RecordPage } from '../../transport/records';
import { collectPages } from '../shared/paging';
import { simplifyRecord } from './simplify';

export const MAX_PAGE_SIZE = 200;

/** Bigin serves the first 2,000 records of a listing by page number, the rest by page_token. */
export const MAX_RECORDS_BY_PAGE_NUMBER = 2000;

export type RecordCursor = { page: number } | { page_token: string };

/** Where the page after `page` starts, or undefined when it was the last one. */
export function nextCursor(
	cursor: RecordCursor,
	page: RecordPage,
	perPage: number,
): RecordCursor | undefined {
	if (!page.moreRecords) return undefined;
	const token = page.nextPageToken;
	if ('page_token' in cursor) return token ? { page_token: token } : undefined;
	if (cursor.page * perPage >= MAX_RECORDS_BY_PAGE_NUMBER && token) return { page_token: token };
	return { page: cursor.page + 1 };
}

/** Records up to `limit`, page after page, from a listing or a search. */
export async function readRecordPages(
	fetchPage: (query: IDataObject) => Promise<RecordPage>,
	limit: number,
): Promise<IDataObject[]> {
	const perPage = Math.min(MAX_PAGE_SIZE, limit);
	const records = await collectPages(
		async (cursor: RecordCursor) => {
			const page = await fetchPage({ ...cursor, per_page: perPage });
			return { entries: page.records, next: nextCursor(cursor, page, perPage) };
		},
		{ page: 1 },
		(sofar) => sofar.length >= limit,
	);
	return records.slice(0, limit);
}

/** One output item per record, as Bigin returned it or simplified when the item asks for it. */
export function recordItems(
	context: IExecuteFunctions,
	itemIndex: number,
	module: string,
	records: IDataObject[],
): INodeExecutionData[] {
	const simplify = context.getNodeParameter('simplify', itemIndex, false) as boolean;
	return records.map((record) => ({ json: simplify ? simplifyRecord(module, record) : record }));
}
