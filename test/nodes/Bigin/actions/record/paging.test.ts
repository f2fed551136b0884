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
	it('groups by module and call options, in input order, at most 100 per batch', () => {
		const writes: Array<{ module: string; callOptions?: string[] }> = [
			...Array.from({ length: 150 }, () => ({ module: 'Contacts' })),
			{ module: 'Tasks' },
			{ module: 'Contacts', callOptions: ['Email'] },
			{ module: 'Contacts', callOptions: ['Email', 'Last_Name'] },
			{ module: 'Contacts', callOptions: ['Email'] },
		];
		expect(
			batchesOf(writes).map((batch) => [batch[0].module, batch[0].callOptions, batch.length]),
		).toEqual([
			['Contacts', undefined, 100],
			['Contacts', undefined, 50],
			['Tasks', undefined, 1],
			['Contacts', ['Email'], 2],
			['Contacts', ['Email', 'Last_Name'], 1],
		]);
	});
});
