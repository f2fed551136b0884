import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mapWithConcurrency } from '../shared/concurrency';
import { BiginApiError } from '../transport/errors';
import { createRecordReader } from '../transport/records';
import { isReplay } from './replayGuard';

/** Parallel record reads per notification: quick for mass updates, gentle on Bigin's concurrency limit. */
export const RECORD_FETCH_CONCURRENCY = 5;

/**
 * Records read per notification: Bigin's batch size. Should Bigin ever send more ids in one
 * notification, the others are output unread (with an error saying so) rather than lost.
 */
export const MAX_RECORDS_READ = 100;

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

/**
 * Runs as the first step of every execution the webhook starts (test events included): drops a
 * notification delivered before, then adds each created or updated record unless switched off.
 * A record that cannot be read does not fail the execution: its item says why.
 */
export async function addRecords(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (
		await isReplay(
			this,
			items.map((item) => item.json),
		)
	)
		return [[]];
	const options = this.getNodeParameter('options', 0, {}) as { fetchRecords?: boolean };
	const fetchRecords = options.fetchRecords ?? true;
	const reader = createRecordReader(this);

	const output = await mapWithConcurrency(
		items,
		RECORD_FETCH_CONCURRENCY,
		async (item, itemIndex): Promise<INodeExecutionData> => {
			const json = item.json;
			const paired = { pairedItem: { item: itemIndex } };
			if (!fetchRecords || json.operation === 'delete' || typeof json.recordId !== 'string') {
				return { json, ...paired };
			}
			if (itemIndex >= MAX_RECORDS_READ) {
				return {
					json: { ...json, recordFound: false, record: null, error: notRead(items.length) },
					...paired,
				};
			}
			try {
				const record = await reader.read(String(json.module), json.recordId);
				const withRecord: IDataObject = record
					? { ...json, recordFound: true, record }
					: { ...json, recordFound: false, record: null };
				return { json: withRecord, ...paired };
			} catch (error) {
				this.logger.warn('Bigin Trigger: a record could not be read', {
					module: json.module,
					recordId: json.recordId,
					error: (error as Error).message,
				});
				return {
					json: { ...json, recordFound: false, record: null, error: readFailure(error) },
					...paired,
				};
			}
		},
	);
	return [output];
}
