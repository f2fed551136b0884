import type { IDataObject } from 'n8n-workflow';

import type { ListBody, RecordPage, RecordWriteResult } from './records';
import { recordPage, writeRecords } from './records';
import type { BiginContext } from './request';
import { biginApiRequest } from './request';

const recordPath = (module: string, recordId: string) =>
	`${encodeURIComponent(module)}/${encodeURIComponent(recordId)}`;

/**
 * `GET /{module}/{id}/{relatedList}`: a page of the record's related records (a company's
 * contacts, a contact's products). `fields` is required, as on lists; `page`, `per_page` ≤ 200;
 * 204 means none.
 */
export async function listRelatedRecords(
	context: BiginContext,
	module: string,
	recordId: string,
	relatedList: string,
	query: IDataObject,
): Promise<RecordPage> {
	const response = await biginApiRequest<ListBody>(context, {
		method: 'GET',
		resource: `${recordPath(module, recordId)}/${encodeURIComponent(relatedList)}`,
		qs: query,
	});
	return recordPage(response.body);
}

const productPath = (module: string, recordId: string, productId: string) =>
	`${recordPath(module, recordId)}/Products/${encodeURIComponent(productId)}`;

/**
 * `PUT /{module}/{id}/Products/{productId}` with `{ data: [{}] }`, as recorded: Bigin answers
 * `relation added`, or `relation updated` when the two were linked already, so a repeat is safe.
 */
export async function linkProduct(
	context: BiginContext,
	module: string,
	recordId: string,
	productId: string,
): Promise<RecordWriteResult> {
	return await writeRecords(context, {
		method: 'PUT',
		resource: productPath(module, recordId, productId),
		body: { data: [{}] },
	});
}

/** `DELETE /{module}/{id}/Products/{productId}`: `relation removed`, as recorded. */
export async function unlinkProduct(
	context: BiginContext,
	module: string,
	recordId: string,
	productId: string,
): Promise<RecordWriteResult> {
	return await writeRecords(context, {
		method: 'DELETE',
		resource: productPath(module, recordId, productId),
	});
}
