import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { findModule } from '../shared/modules';
import { listRecords, searchRecords } from '../transport/records';
import { currentModule, fromBigin } from './context';

const PAGE_SIZE = 50;

/** Records to pick from: the module's first pages, or Bigin's word search when the user types. */
export async function searchRecordList(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const module = currentModule(this);
	const nameField = findModule(module)?.record.nameField ?? 'id';
	const page = Number(paginationToken ?? 1);
	const query: IDataObject = { page, per_page: PAGE_SIZE };
	const term = (filter ?? '').trim();
	const result = await fromBigin(this, async () =>
		term.length >= 2
			? await searchRecords(this, module, { ...query, word: term })
			: await listRecords(this, module, { ...query, fields: nameField }),
	);
	return {
		results: result.records.map((record) => ({
			name: String(record[nameField] ?? record.id),
			value: String(record.id),
		})),
		paginationToken: result.moreRecords ? String(page + 1) : undefined,
	};
}
