import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mapWithConcurrency } from '../shared/concurrency';
import { withItemIndex } from '../transport/errors';
import { getRecord } from '../transport/records';

/** Parallel record reads per notification: quick for mass updates, gentle on Bigin's concurrency limit. */
export const RECORD_FETCH_CONCURRENCY = 5;

/**
 * Runs as the first step of every execution the webhook starts (test events included), so the
 * output holds the real notification and, unless switched off, each created or updated record.
 */
export async function addRecords(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as { fetchRecords?: boolean };
	const fetchRecords = options.fetchRecords ?? true;

	const output = await mapWithConcurrency(
		items,
		RECORD_FETCH_CONCURRENCY,
		async (item, itemIndex) => {
			const json = item.json;
			const paired = { pairedItem: { item: itemIndex } };
			if (!fetchRecords || json.operation === 'delete' || typeof json.recordId !== 'string') {
				return { json, ...paired };
			}
			try {
				const record = await getRecord(this, String(json.module), json.recordId);
				const withRecord: IDataObject = record
					? { ...json, recordFound: true, record }
					: { ...json, recordFound: false, record: null };
				return { json: withRecord, ...paired };
			} catch (error) {
				if (this.continueOnFail()) {
					return {
						json: { ...json, recordFound: false, record: null, error: (error as Error).message },
						...paired,
					};
				}
				throw withItemIndex(this.getNode(), error, itemIndex);
			}
		},
	);
	return [output];
}
