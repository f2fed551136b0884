import { inBiginKeyOrder, javaStringHash } from '../../../tools/simulator/keyOrder';

describe('Bigin simulator: Bigin’s key order (a Java HashMap’s)', () => {
	it('hashes strings as Java’s String.hashCode does', () => {
		expect(javaStringHash('')).toBe(0);
		expect(javaStringHash('id')).toBe(3355);
		expect(javaStringHash('hello')).toBe(99162322);
		expect(javaStringHash('Last_Name')).toBe(-278830444);
	});

	it('writes a list answer’s info, built in Bigin’s put order, in the recorded order', () => {
		const info = inBiginKeyOrder({
			per_page: 200,
			count: 1,
			sort_by: 'id',
			page: 1,
			sort_order: 'desc',
			more_records: false,
			next_page_token: null,
			previous_page_token: null,
			page_token_expiry: null,
		});
		expect(Object.keys(info as object)).toEqual([
			'per_page',
			'next_page_token',
			'count',
			'sort_by',
			'page',
			'previous_page_token',
			'page_token_expiry',
			'sort_order',
			'more_records',
		]);
	});

	it('keeps keys that share a bucket in the order they were put, at every level', () => {
		// `Modified_Time` and `Modified_By` share a bucket of a six-key map: put order decides.
		const details = (first: string, second: string) =>
			Object.keys(
				(
					inBiginKeyOrder({
						data: [{ details: { [first]: 1, [second]: 2, Created_Time: 3, id: 4, Created_By: 5 } }],
					}) as { data: Array<{ details: object }> }
				).data[0].details,
			);
		expect(details('Modified_Time', 'Modified_By')).toEqual([
			'Modified_Time',
			'Modified_By',
			'Created_Time',
			'id',
			'Created_By',
		]);
		expect(details('Modified_By', 'Modified_Time')).toEqual([
			'Modified_By',
			'Modified_Time',
			'Created_Time',
			'id',
			'Created_By',
		]);
	});
});
