import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BiginApiError, toBiginApiError } from './errors';
import { getModuleFields } from './metadata';
import type { BiginContext } from './request';
import { biginApiRequest } from './request';
import type { RetryPolicy } from './retry';
import { REQUEST_RETRY_POLICY } from './retry';

/** Bigin takes at most 50 field names in one `fields` parameter. */
export const MAX_FIELDS_PER_READ = 50;

/**
 * Record reads come in bursts (a mass update notifies many ids at once) and meet Bigin's
 * concurrency limit, so they get more attempts than other calls, within the same time budget.
 */
export const RECORD_READ_RETRY_POLICY: RetryPolicy = { ...REQUEST_RETRY_POLICY, maxAttempts: 10 };

/** One record by id, or undefined when Bigin answers 204 (deleted or never existed). */
export async function getRecord(
	context: BiginContext,
	module: string,
	recordId: string,
	fields?: string[],
): Promise<IDataObject | undefined> {
	const response = await biginApiRequest<{ data?: IDataObject[] }>(context, {
		method: 'GET',
		resource: `${encodeURIComponent(module)}/${encodeURIComponent(recordId)}`,
		qs: fields ? { fields: fields.join(',') } : undefined,
		retryPolicy: RECORD_READ_RETRY_POLICY,
	});
	return response.body?.data?.[0];
}

/** Whether Bigin refused a read because it wants the `fields` parameter. */
export function asksForFields(error: unknown): boolean {
	if (!(error instanceof BiginApiError) || error.httpCode !== '400') return false;
	if (error.biginCode === 'REQUIRED_PARAM_MISSING') return true;
	const details = error.biginDetails ?? {};
	return [details.param, details.param_name, details.api_name].includes('fields');
}

/** A module's field names in groups Bigin accepts in one `fields` parameter. */
export function fieldBatches(apiNames: string[]): string[][] {
	return Array.from({ length: Math.ceil(apiNames.length / MAX_FIELDS_PER_READ) }, (_, index) =>
		apiNames.slice(index * MAX_FIELDS_PER_READ, (index + 1) * MAX_FIELDS_PER_READ),
	);
}

export interface RecordReader {
	/** The whole record, custom fields included, or undefined when Bigin no longer has it. */
	read(module: string, recordId: string): Promise<IDataObject | undefined>;
}

/**
 * Reads records without `fields` while Bigin allows it, so a record comes whole in one call and
 * no metadata call is spent. Once Bigin asks for `fields`, the module's field list is read (once
 * per reader) and every later read of that module names all its fields, 50 per call, merged.
 */
export function createRecordReader(context: BiginContext): RecordReader {
	const fieldChunks = new Map<string, Promise<string[][]>>();

	const chunksFor = async (module: string): Promise<string[][]> => {
		let chunks = fieldChunks.get(module);
		if (!chunks) {
			chunks = getModuleFields(context, module).then((fields) =>
				fieldBatches(fields.map((field) => field.api_name)),
			);
			fieldChunks.set(module, chunks);
		}
		return await chunks;
	};

	const readNamingFields = async (module: string, recordId: string) => {
		const chunks = await chunksFor(module);
		if (chunks.length === 0) {
			throw new NodeOperationError(
				context.getNode(),
				`Bigin asks for the fields to read, but lists no fields for the module ${module}`,
			);
		}
		let record: IDataObject | undefined;
		for (const fields of chunks) {
			const part = await getRecord(context, module, recordId, fields);
			if (!part) return undefined;
			record = { ...record, ...part };
		}
		return record;
	};

	return {
		async read(module, recordId) {
			if (fieldChunks.has(module)) return await readNamingFields(module, recordId);
			try {
				return await getRecord(context, module, recordId);
			} catch (error) {
				if (!asksForFields(error)) throw toBiginApiError(context.getNode(), error);
				return await readNamingFields(module, recordId);
			}
		},
	};
}
