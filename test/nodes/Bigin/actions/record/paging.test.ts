import { nextCursor, readRecordPages } from '../../../../../nodes/Bigin/actions/record/listing';
import { batchesOf } from '../../../../../nodes/Bigin/actions/record/writes';

describe('record paging', () => {
	const page = (moreRecords: boolean, nextPageToken?: string) => ({
		records: [],
		moreRecords,
		nextPageToken,
	});

	it('goes by page number within the first 2,000 records, then by page_token', () => {
		expect(nextCursor({ page: 1 }, page(true, 'T1'), 200)).toEqual({ page: 2 });
		expect(nextCursor({ page: 10 }, page(true, 'T10'), 200)).toEqual({ page_token: 'T10' });
		expect(nextCursor({ page_token: 'T10' }, page(true, 'T11'), 200)).toEqual({
			page_token: 'T11',
		});
		expect(nextCursor({ page: 3 }, page(false, 'T'), 200)).toBeUndefined();
		expect(nextCursor({ page_token: 'T' }, page(true), 200)).toBeUndefined();
	});

	it('keeps asking for pages of the same size until the limit', async () => {
		const asked: unknown[] = [];
		const records = await readRecordPages(async (query) => {
			asked.push(query);
			return { records: [{ id: '1' }, { id: '2' }], moreRecords: true };
		}, 3);
		expect(records).toHaveLength(3);
		expect(asked).toEqual([
			{ page: 1, per_page: 3 },
			{ page: 2, per_page: 3 },
		]);
	});
});

describe('write batches', () => {
	it('groups by module and group, in input order, at most 100 per batch', () => {
		const writes = [
			...Array.from({ length: 150 }, () => ({ module: 'Contacts', group: '' })),
			{ module: 'Tasks', group: '' },
			{ module: 'Contacts', group: 'Email' },
		];
		expect(
			batchesOf(writes).map((batch) => [batch[0].module, batch[0].group, batch.length]),
		).toEqual([
			['Contacts', '', 100],
			['Contacts', '', 50],
			['Tasks', '', 1],
			['Contacts', 'Email', 1],
		]);
	});
});
