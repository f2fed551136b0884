import type { IDataObject } from 'n8n-workflow';

import { isSelectable, mergeFieldGroups, recordQueries, scopeAllowsQueries } from '../shared/coql';
import { mapWithConcurrency } from '../shared/concurrency';
import { fieldsOf } from './metadataCache';
import type { BiginContext } from './request';
import { BIGIN_CREDENTIAL_TYPE, biginApiRequest } from './request';
import type { RetryPolicy } from './retry';

/** One answer of the Query API: its rows, and whether more records match past them. */
export interface QueryPage {
	rows: IDataObject[];
	moreRecords: boolean;
}

/**
 * `POST coql {select_query}`: Bigin's Query API (scopes `ZohoBigin.coql.READ` and the module's
 * READ). A query only reads, so it is repeated after passing failures like any read; 204 means no
 * rows.
 */
export async function runQuery(
	context: BiginContext,
	selectQuery: string,
	retryPolicy?: RetryPolicy,
): Promise<QueryPage> {
	const response = await biginApiRequest<{
		data?: IDataObject[];
		info?: { more_records?: boolean };
	}>(context, {
		method: 'POST',
		resource: 'coql',
		body: { select_query: selectQuery },
		idempotent: true,
		retryPolicy,
	});
	return {
		rows: response.body?.data ?? [],
		moreRecords: response.body?.info?.more_records === true,
	};
}

/**
 * Whether the credential asked Zoho for `ZohoBigin.coql.READ`. Without it every query would be
 * refused with a 401, which n8n answers by refreshing the access token and sending the call again:
 * two wasted calls and a token refresh per query.
 */
export async function credentialAllowsQueries(context: BiginContext): Promise<boolean> {
	const credentials = await context.getCredentials(BIGIN_CREDENTIAL_TYPE);
	return scopeAllowsQueries(credentials.scope);
}

/** Queries of one read in flight at once: a read needs one per field group and 200 ids. */
const QUERY_CONCURRENCY = 2;

/**
 * Records by id through the Query API, with every field the module's metadata lists that a query
 * can select (the fields a single-record GET returns): as few queries as the limits allow (see
 * `recordQueries`). Ids missing from the answer are records Bigin no longer has. Throws what
 * Bigin answered when it refuses a query.
 */
export async function queryRecordsById(
	context: BiginContext,
	module: string,
	ids: string[],
	retryPolicy?: RetryPolicy,
): Promise<Map<string, IDataObject>> {
	const fields = (await fieldsOf(context, module)).filter(isSelectable);
	const queries = recordQueries(
		module,
		fields.map((field) => field.api_name),
		ids,
	);
	const answers = await mapWithConcurrency(queries, QUERY_CONCURRENCY, async (query) => ({
		fieldGroup: query.fieldGroup,
		rows: (await runQuery(context, query.query, retryPolicy)).rows,
	}));
	return mergeFieldGroups(new Set(queries.map((query) => query.fieldGroup)).size, answers);
}
