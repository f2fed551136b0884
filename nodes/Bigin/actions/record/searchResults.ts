import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RecordPage } from '../../transport/records';
import { countRecords } from '../../transport/records';
import { MAX_PAGE_SIZE } from './listing';

/** Bigin's search answers at most this many records, by page number only (no page_token). */
export const MAX_SEARCH_RESULTS = 2000;

/** What to do when more records match a search than Bigin's search returns. */
export const overSearchLimitParameter: INodeProperties = {
	displayName: 'More Than 2,000 Matches',
	name: 'overSearchLimit',
	type: 'options',
	options: [
		{
			name: 'Fail',
			value: 'fail',
			description: 'Stop with an error that says how many records match',
		},
		{
			name: 'Return the First 2,000',
			value: 'firstResults',
			description: 'Return the 2,000 records Bigin gives, with a notice that more match',
		},
	],
	default: 'fail',
	description:
		"Bigin's search returns at most 2,000 records. Get Many (without the Owner filter) pages past them.",
};

interface SearchResults {
	records: IDataObject[];
	/** Whether Bigin's search ended at its 2,000th result before the item had enough. */
	capped: boolean;
}

/**
 * Search results page by page, up to `limit` of those `keep` keeps, never past Bigin's 2,000th
 * result. Pages are full-size when results are filtered, so a small limit costs few calls.
 */
async function readSearchPages(
	fetchPage: (query: IDataObject) => Promise<RecordPage>,
	limit: number,
	keep: ((record: IDataObject) => boolean) | undefined,
): Promise<SearchResults> {
	const perPage = keep ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, limit);
	const records: IDataObject[] = [];
	let seen = 0;
	for (let page = 1; ; page++) {
		const result = await fetchPage({ page, per_page: perPage });
		seen += result.records.length;
		records.push(...(keep ? result.records.filter(keep) : result.records));
		if (records.length >= limit) return { records: records.slice(0, limit), capped: false };
		const capped = seen >= MAX_SEARCH_RESULTS;
		if (capped || !result.moreRecords || result.records.length === 0) return { records, capped };
	}
}

/**
 * The records a search (`query`) finds, up to `limit`. Where Bigin's search ends at 2,000 results
 * and more match (one count call tells), the item fails saying so, or with More Than 2,000
 * Matches set to Return the First 2,000, returns them with a notice in the output.
 */
export async function readSearchResults(
	context: IExecuteFunctions,
	itemIndex: number,
	request: {
		module: string;
		query: IDataObject;
		limit: number;
		fetchPage: (query: IDataObject) => Promise<RecordPage>;
		keep?: (record: IDataObject) => boolean;
	},
): Promise<IDataObject[]> {
	const { records, capped } = await readSearchPages(request.fetchPage, request.limit, request.keep);
	if (!capped) return records;
	const matching = await countRecords(context, request.module, request.query);
	if (matching <= MAX_SEARCH_RESULTS) return records;
	const found = `${matching.toLocaleString('en-US')} ${request.module} records match, and Bigin's search returns only the first 2,000`;
	const choice = context.getNodeParameter('options.overSearchLimit', itemIndex, 'fail') as string;
	if (choice !== 'firstResults') {
		throw new NodeOperationError(
			context.getNode(),
			`${found}: narrow the search (for example with a condition on Created Time), or set Options → More Than 2,000 Matches to Return the First 2,000`,
			{ itemIndex },
		);
	}
	context.addExecutionHints({
		message: `${found}: only those are in the output. Narrow the search to get the others.`,
		location: 'outputPane',
	});
	return records;
}
