import { exactTextFilter } from '../../../../nodes/Bigin/shared/exactMatch';
import type { BiginField } from '../../../../nodes/Bigin/transport/metadata';

const fields: BiginField[] = [
	{ api_name: 'Product_Name', data_type: 'text' },
	{ api_name: 'Description', data_type: 'textarea' },
	{ api_name: 'Unit_Price', data_type: 'currency' },
	{ api_name: 'Email', data_type: 'email' },
];
const equals = (field: string, value: string) => ({ field, operator: 'equals', value });

describe("a text Equals made exact over Bigin's word match", () => {
	it('keeps a record whose value is the whole text, letter case and outer spaces aside', () => {
		const keep = exactTextFilter([equals('Product_Name', 'Nango Test Product')], 'and', fields);
		expect(keep?.({ Product_Name: ' nango test PRODUCT ' })).toBe(true);
		expect(keep?.({ Product_Name: 'Nango Unlink Test Product' })).toBe(false);
		expect(keep?.({ Product_Name: null })).toBe(false);
	});

	it('needs every text Equals with AND, leaving the other conditions to Bigin', () => {
		const keep = exactTextFilter(
			[
				equals('Product_Name', 'A'),
				equals('Description', 'B'),
				{ field: 'Unit_Price', operator: 'greater_than', value: '5' },
			],
			'and',
			fields,
		);
		expect(keep?.({ Product_Name: 'a', Description: 'b', Unit_Price: 1 })).toBe(true);
		expect(keep?.({ Product_Name: 'a', Description: 'b c' })).toBe(false);
	});

	it('needs one text Equals with OR when all conditions are text Equals', () => {
		const keep = exactTextFilter(
			[equals('Product_Name', 'A'), equals('Product_Name', 'B')],
			'or',
			fields,
		);
		expect(keep?.({ Product_Name: 'B' })).toBe(true);
		expect(keep?.({ Product_Name: 'A B' })).toBe(false);
	});

	it("leaves Bigin's matches alone where nothing is matched by words, or an OR mixes in other conditions", () => {
		expect(exactTextFilter([equals('Email', 'a@example.com')], 'and', fields)).toBeUndefined();
		expect(
			exactTextFilter(
				[{ field: 'Product_Name', operator: 'starts_with', value: 'Nango' }],
				'and',
				fields,
			),
		).toBeUndefined();
		expect(
			exactTextFilter(
				[equals('Product_Name', 'A'), { field: 'Unit_Price', operator: 'equals', value: '5' }],
				'or',
				fields,
			),
		).toBeUndefined();
	});
});
