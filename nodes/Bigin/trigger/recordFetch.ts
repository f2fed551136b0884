import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mapWithConcurrency } from '../shared/concurrency';
import { credentialAllowsQueries, queryRecordsById } from '../transport/coql';
import { BiginApiError } from '../transport/errors';
import { RECORD_READ_RETRY_POLICY, createRecordReader } from '../transport/records';
import { isReplay } from './replayGuard';

/** Parallel record reads per notification: quick for mass updates, gentle on Bigin's concurrency limit. */
export const RECORD_FETCH_CONCURRENCY = 5;

/**
 * Records read per notification: Bigin's batch size. Should Bigin ever send more ids in one
 * notification, the others are output unread (with an error saying so) rather than lost.
 */
export const MAX_RECORDS_READ = 100;

/**
 * From this many ids a notification's records are read through the Query API. A query first needs
 * the module's field list, so one or two records cost as many calls either way, and a single read
 * also names the records that lookups point to.
 */
export const QUERY_FROM_IDS = 3;

/** What an item carries when its record could not be read. */
export function readFailure(error: unknown): IDataObject {
	const failure: IDataObject = { message: (error as Error)?.message ?? String(error) };
	if (error instanceof BiginApiError) {
		if (error.biginCode !== undefined) failure.code = error.biginCode;
		if (error.httpCode) failure.httpCode = Number(error.httpCode);
	}
	return failure;
}

const notRead = (count: number): IDataObject => ({
	message: `Not read: this notification names ${count} records and the trigger reads the first ${MAX_RECORDS_READ}; read the others with the Bigin node`,
	code: 'TOO_MANY_IDS',
});

/** A record to read: an item's module and record id. */
interface Wanted {
	module: string;
	recordId: string;
}

/** The record (undefined when Bigin no longer has it), or why it could not be read. */
type ReadOutcome = { record: IDataObject | undefined } | { error: unknown };

/** Why Bigin refused the query, and what would let the next notification use one. */
function queryRefusal(error: unknown): string {
	const reason = error instanceof Error ? error.message : String(error);
	const scopeHint =
		error instanceof BiginApiError && error.biginCode === 'OAUTH_SCOPE_MISMATCH'
			? " Add ZohoBigin.coql.READ to the Scope of the Bigin credential and reconnect it: then a notification's records cost one call for the module's field list and one query per 50 fields, instead of one call per record."
			: '';
	return `Bigin Trigger: reading this notification's records one by one, because Bigin refused the query that reads them together (${reason}).${scopeHint}`;
}

/**
 * Reads the records, as few calls as Bigin allows: per module, through the Query API from
 * QUERY_FROM_IDS ids on, unless the credential's Scope lacks `ZohoBigin.coql.READ`; where Bigin
 * refuses a query (a token without that scope, an org without the Query API, any other query
 * error) one by one for the rest of the execution, saying why once.
 */
async function readRecords(
	context: IExecuteFunctions,
	wanted: Wanted[],
): Promise<Map<Wanted, ReadOutcome>> {
	const outcomes = new Map<Wanted, ReadOutcome>();
	let mayQuery = wanted.length >= QUERY_FROM_IDS && (await credentialAllowsQueries(context));
	for (const module of new Set(wanted.map((entry) => entry.module))) {
		const ofModule = wanted.filter((entry) => entry.module === module);
		if (!mayQuery || ofModule.length < QUERY_FROM_IDS) continue;
		try {
			const ids = [...new Set(ofModule.map((entry) => entry.recordId))];
			const records = await queryRecordsById(context, module, ids, RECORD_READ_RETRY_POLICY);
			for (const entry of ofModule) outcomes.set(entry, { record: records.get(entry.recordId) });
		} catch (error) {
			mayQuery = false;
			context.logger.warn(queryRefusal(error), { module });
		}
	}
	const reader = createRecordReader(context);
	const unread = wanted.filter((entry) => !outcomes.has(entry));
	await mapWithConcurrency(unread, RECORD_FETCH_CONCURRENCY, async (entry) => {
		try {
			outcomes.set(entry, { record: await reader.read(entry.module, entry.recordId) });
		} catch (error) {
			outcomes.set(entry, { error });
		}
	});
	return outcomes;
}

/**
 * Runs as the first step of every execution the webhook starts (test events included): drops a
 * notification delivered before, then adds each created or updated record unless switched off.
 * A record that cannot be read does not fail the execution: its item says why.
 */
export async function addRecords(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (await isReplay(this, items)) return [[]];
	const options = this.getNodeParameter('options', 0, {}) as { fetchRecords?: boolean };
	const fetchRecords = options.fetchRecords ?? true;
	const wanted = items.map(({ json }): Wanted | undefined =>
		fetchRecords && json.operation !== 'delete' && typeof json.recordId === 'string'
			? { module: String(json.module), recordId: json.recordId }
			: undefined,
	);
	const outcomes = await readRecords(
		this,
		wanted.slice(0, MAX_RECORDS_READ).filter((entry): entry is Wanted => entry !== undefined),
	);

	const output = items.map(({ json }, itemIndex): INodeExecutionData => {
		const paired = { pairedItem: { item: itemIndex } };
		const entry = wanted[itemIndex];
		if (!entry) return { json, ...paired };
		const outcome = outcomes.get(entry);
		if (!outcome) {
			return {
				json: { ...json, recordFound: false, record: null, error: notRead(items.length) },
				...paired,
			};
		}
		if ('error' in outcome) {
			this.logger.warn('Bigin Trigger: a record could not be read', {
				module: entry.module,
				recordId: entry.recordId,
				error: (outcome.error as Error).message,
			});
			return {
				json: {
					...json,
					recordFound: false,
					record: null,
					error: readFailure(outcome.error),
				},
				...paired,
			};
		}
		const withRecord: IDataObject = outcome.record
			? { ...json, recordFound: true, record: outcome.record }
			: { ...json, recordFound: false, record: null };
		return { json: withRecord, ...paired };
	});
	return [output];
}
