import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { COQL_MAX_RECORDS, COQL_MAX_ROWS, pagedQuery } from '../../shared/coql';
import { runQuery } from '../../transport/coql';
import { collectPages } from '../shared/paging';

/**
 * A query's rows up to `limit`, 200 a call through LIMIT and OFFSET, and never past the 10,000th
 * record Bigin's Query API reaches (Return All stops there, and says so above the output).
 */
export async function readQueryRows(
	context: IExecuteFunctions,
	query: string,
	limit: number,
): Promise<IDataObject[]> {
	const reachable = Math.min(limit, COQL_MAX_RECORDS);
	let morePastReach = false;
	const rows = await collectPages(
		async (offset: number) => {
			const size = Math.min(COQL_MAX_ROWS, reachable - offset);
			const page = await runQuery(context, pagedQuery(query, size, offset));
			const next = offset + page.rows.length;
			morePastReach = page.moreRecords && next >= COQL_MAX_RECORDS;
			return { entries: page.rows, next: page.moreRecords && next < reachable ? next : undefined };
		},
		0,
		(sofar) => sofar.length >= reachable,
	);
	if (morePastReach && limit > COQL_MAX_RECORDS) {
		context.addExecutionHints({
			message: `More than ${COQL_MAX_RECORDS.toLocaleString('en-US')} records match, the most Bigin's Query API reaches: narrow the query (for example by Created_Time) to read the others`,
			type: 'warning',
			location: 'outputPane',
		});
	}
	return rows.slice(0, reachable);
}
