import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { findModule } from '../shared/modules';
import { listRecords, searchRecords } from '../transport/records';
import { currentModule, fromBigin } from './context';

const PAGE_SIZE = 50;

/** Records of `module` to pick from: its first pages, or Bigin's word search when the user types. */
async function recordList(
	context: ILoadOptionsFunctions,
	module: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const nameField = findModule(module)?.record.nameField ?? 'id';
	const page = Number(paginationToken ?? 1);
	const query: IDataObject = { page, per_page: PAGE_SIZE };
	const term = (filter ?? '').trim();
	const result = await fromBigin(context, async () =>
		term.length >= 2
			? await searchRecords(context, module, { ...query, word: term })
			: await listRecords(context, module, { ...query, fields: nameField }),
	);
	return {
		results: result.records.map((record) => ({
			name: String(record[nameField] ?? record.id),
			value: String(record.id),
		})),
		paginationToken: result.moreRecords ? String(page + 1) : undefined,
	};
}

/** Records of the module the node is set to. */
export async function searchRecordList(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await recordList(this, currentModule(this), filter, paginationToken);
}

/** Products, for the product to link to a record or unlink from it. */
export async function searchProductList(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await recordList(this, 'Products', filter, paginationToken);
}
