import type { IDataObject } from 'n8n-workflow';

import type { BiginStatusEntry } from './errors';
import { BiginApiError, isBiginStatusEntry, toBiginApiError } from './errors';
import type { BiginContext, BiginRequest } from './request';
import { biginApiRequest } from './request';

/** One record by id, or undefined when Bigin answers 204 (deleted or never existed). */
export async function getRecord(
	context: BiginContext,
	module: string,
	recordId: string,
): Promise<IDataObject | undefined> {
	const response = await biginApiRequest<{ data?: IDataObject[] }>(context, {
		method: 'GET',
		resource: `${encodeURIComponent(module)}/${encodeURIComponent(recordId)}`,
	});
	return response.body?.data?.[0];
}

/** One page of records and where the next one starts. */
export interface RecordPage {
	records: IDataObject[];
	moreRecords: boolean;
	/** Bigin's token for the page after this one, needed past its first 2,000 records. */
	nextPageToken?: string;
}

interface ListBody {
	data?: IDataObject[];
	info?: { more_records?: boolean; next_page_token?: string | null };
}

function recordPage(body: ListBody | undefined): RecordPage {
	const token = body?.info?.next_page_token;
	return {
		records: body?.data ?? [],
		moreRecords: body?.info?.more_records === true,
		nextPageToken: typeof token === 'string' && token !== '' ? token : undefined,
	};
}

/** One record by id with the given fields (all of them when none are given); undefined on 204. */
export async function readRecord(
	context: BiginContext,
	module: string,
	recordId: string,
	fields: string[] = [],
): Promise<IDataObject | undefined> {
	const response = await biginApiRequest<{ data?: IDataObject[] }>(context, {
		method: 'GET',
		resource: `${encodeURIComponent(module)}/${encodeURIComponent(recordId)}`,
		qs: fields.length > 0 ? { fields: fields.join(',') } : undefined,
	});
	return response.body?.data?.[0];
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

async function writeRecords(
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

/** `DELETE /{module}?ids=`. */
export async function deleteRecords(
	context: BiginContext,
	module: string,
	ids: string[],
): Promise<RecordWriteResult> {
	return await writeRecords(context, {
		method: 'DELETE',
		resource: encodeURIComponent(module),
		qs: { ids: ids.join(',') },
	});
}
