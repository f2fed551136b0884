import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listableFieldNames } from '../shared/modules';
import type { BiginStatusEntry } from './errors';
import { BiginApiError, isBiginStatusEntry, toBiginApiError } from './errors';
import { cached, fieldsOf, isCached } from './metadataCache';
import type { BiginContext, BiginRequest } from './request';
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

/**
 * The fields a list of the module's records asks for when the user chose none (Bigin insists on
 * some): the module's, less those Bigin refuses in list calls, up to Bigin's 50.
 */
export async function defaultFieldNames(context: BiginContext, module: string): Promise<string[]> {
	const names = (await fieldsOf(context, module)).map((field) => field.api_name);
	return listableFieldNames(module, names).slice(0, MAX_FIELDS_PER_READ);
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
 * per execution, from the metadata cache) and every later read of that module in the execution
 * names its fields (less those Bigin refuses in reads), 50 per call, merged.
 */
export function createRecordReader(context: BiginContext): RecordReader {
	const chunksFor = async (module: string): Promise<string[][]> =>
		await cached(context, 'readFieldBatches', module, async () => {
			const names = (await fieldsOf(context, module)).map((field) => field.api_name);
			return fieldBatches(listableFieldNames(module, names));
		});

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
			if (isCached(context, 'readFieldBatches', module)) {
				return await readNamingFields(module, recordId);
			}
			try {
				return await getRecord(context, module, recordId);
			} catch (error) {
				if (!asksForFields(error)) throw toBiginApiError(context.getNode(), error);
				return await readNamingFields(module, recordId);
			}
		},
	};
}

/** One page of records and where the next one starts. */
export interface RecordPage {
	records: IDataObject[];
	moreRecords: boolean;
	/** Bigin's token for the page after this one, needed past its first 2,000 records. */
	nextPageToken?: string;
}

export interface ListBody {
	data?: IDataObject[];
	info?: { more_records?: boolean; next_page_token?: string | null };
}

export function recordPage(body: ListBody | undefined): RecordPage {
	const token = body?.info?.next_page_token;
	return {
		records: body?.data ?? [],
		moreRecords: body?.info?.more_records === true,
		nextPageToken: typeof token === 'string' && token !== '' ? token : undefined,
	};
}

/** `GET /{module}`: `fields` is required; `page` or `page_token`, `per_page`, `sort_by`, `sort_order`. */
export async function listRecords(
	context: BiginContext,
	module: string,
	query: IDataObject,
): Promise<RecordPage> {
	const response = await biginApiRequest<ListBody>(context, {
		method: 'GET',
		resource: encodeURIComponent(module),
		qs: query,
	});
	return recordPage(response.body);
}

/** `GET /{module}/search` by `criteria`, `email`, `phone` or `word`; 204 means no match. */
export async function searchRecords(
	context: BiginContext,
	module: string,
	query: IDataObject,
): Promise<RecordPage> {
	const response = await biginApiRequest<ListBody>(context, {
		method: 'GET',
		resource: `${encodeURIComponent(module)}/search`,
		qs: query,
	});
	return recordPage(response.body);
}

/** `GET /{module}/actions/count`, optionally narrowed like a search. */
export async function countRecords(
	context: BiginContext,
	module: string,
	query: IDataObject = {},
): Promise<number> {
	const response = await biginApiRequest<{ count?: number }>(context, {
		method: 'GET',
		resource: `${encodeURIComponent(module)}/actions/count`,
		qs: query,
	});
	return Number(response.body?.count ?? 0);
}

/** Bigin's answer to a multi-record write: one status entry per record sent, in order. */
export interface RecordWriteResult {
	statusCode: number;
	entries: BiginStatusEntry[];
}

/** Bigin takes at most this many records in one insert, update, upsert or delete. */
export const MAX_RECORDS_PER_WRITE = 100;

/**
 * A write whose answer is one status entry per record (or link) sent, failed ones included: a
 * 400 carrying such entries (every record failed) is answered like a 2xx, not thrown.
 */
export async function writeRecords(
	context: BiginContext,
	request: BiginRequest,
): Promise<RecordWriteResult> {
	try {
		const response = await biginApiRequest<{ data?: BiginStatusEntry[] }>(context, request);
		return { statusCode: response.statusCode, entries: response.body?.data ?? [] };
	} catch (error) {
		// When every record fails Bigin may answer 400 with the same per-record entries as a 202.
		const entries = error instanceof BiginApiError ? recordEntriesOf(error.responseBody) : [];
		if (entries.length === 0) throw toBiginApiError(context.getNode(), error);
		return { statusCode: Number((error as BiginApiError).httpCode), entries };
	}
}

function recordEntriesOf(body: unknown): BiginStatusEntry[] {
	const data = (body as { data?: unknown } | undefined)?.data;
	return Array.isArray(data) && data.every(isBiginStatusEntry) ? data : [];
}

/** `POST /{module}`. Never repeated after a server error: Bigin may have created the records. */
export async function insertRecords(
	context: BiginContext,
	module: string,
	records: IDataObject[],
): Promise<RecordWriteResult> {
	return await writeRecords(context, {
		method: 'POST',
		resource: encodeURIComponent(module),
		body: { data: records },
		idempotent: false,
	});
}

/** `PUT /{module}`: every record carries its `id`. */
export async function updateRecords(
	context: BiginContext,
	module: string,
	records: IDataObject[],
): Promise<RecordWriteResult> {
	return await writeRecords(context, {
		method: 'PUT',
		resource: encodeURIComponent(module),
		body: { data: records },
	});
}

/** `POST /{module}/upsert`: repeating it finds the record it created, so it is safe to retry. */
export async function upsertRecords(
	context: BiginContext,
	module: string,
	records: IDataObject[],
	duplicateCheckFields: string[],
): Promise<RecordWriteResult> {
	const body: IDataObject = { data: records };
	if (duplicateCheckFields.length > 0) body.duplicate_check_fields = duplicateCheckFields;
	return await writeRecords(context, {
		method: 'POST',
		resource: `${encodeURIComponent(module)}/upsert`,
		body,
		idempotent: true,
	});
}

/** A delete's answer, and whether it answers a repeated call (the first one's answer was lost). */
export interface DeleteResult extends RecordWriteResult {
	retried: boolean;
}

/**
 * `DELETE /{module}?ids=`, repeated after a server or network failure. A repeat meets the records
 * the lost first call deleted as unknown ids (or, per the reading, `record not deleted`):
 * `retried` says the answer may be such a repeat.
 */
export async function deleteRecords(
	context: BiginContext,
	module: string,
	ids: string[],
): Promise<DeleteResult> {
	let attempts = 0;
	const result = await writeRecords(context, {
		method: 'DELETE',
		resource: encodeURIComponent(module),
		qs: { ids: ids.join(',') },
		onAttempt: () => {
			attempts += 1;
		},
	});
	return { ...result, retried: attempts > 1 };
}
