import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listRecords, searchRecords } from '../transport/records';
import { currentModule } from './context';

/** The field that names a record of each module in lists. */
const NAME_FIELDS: Record<string, string> = {
	Contacts: 'Full_Name',
	Accounts: 'Account_Name',
	Pipelines: 'Deal_Name',
	Products: 'Product_Name',
	Tasks: 'Subject',
	Events: 'Event_Title',
	Calls: 'Subject',
	Notes: 'Note_Title',
};

const PAGE_SIZE = 50;

/** Records to pick from: the module's first pages, or Bigin's word search when the user types. */
export async function searchRecordList(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const module = currentModule(this);
	const nameField = NAME_FIELDS[module] ?? 'id';
	const page = Number(paginationToken ?? 1);
	const query: IDataObject = { page, per_page: PAGE_SIZE };
	const term = (filter ?? '').trim();
	const result =
		term.length >= 2
			? await searchRecords(this, module, { ...query, word: term })
			: await listRecords(this, module, { ...query, fields: nameField });
	return {
		results: result.records.map((record) => ({
			name: String(record[nameField] ?? record.id),
			value: String(record.id),
		})),
		paginationToken: result.moreRecords ? String(page + 1) : undefined,
	};
}
