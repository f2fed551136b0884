import type { Filter } from '../../../../nodes/Bigin/shared/coqlFilters';
import { comparatorsFor, compileFilters } from '../../../../nodes/Bigin/shared/coqlFilters';
import type { BiginField } from '../../../../nodes/Bigin/transport/metadata';

const FIELDS: BiginField[] = [
	{ api_name: 'Last_Name', data_type: 'text', field_label: 'Last Name' },
	{ api_name: 'Loyalty_Points', data_type: 'integer' },
	{ api_name: 'Annual_Revenue', data_type: 'currency' },
	{ api_name: 'Closing_Date', data_type: 'date' },
	{ api_name: 'Modified_Time', data_type: 'datetime' },
	{ api_name: 'Email_Opt_Out', data_type: 'boolean' },
	{ api_name: 'Account_Name', data_type: 'lookup' },
	{ api_name: 'Interests', data_type: 'multiselectpicklist' },
	{ api_name: 'Description', data_type: 'textarea' },
	{ api_name: 'Record_Image', data_type: 'profileimage' },
];

const compile = (filters: Array<Partial<Filter>>, combine: 'and' | 'or' = 'and') =>
	compileFilters(
		filters.map((filter) => ({ field: '', comparator: 'equals', value: '', ...filter })),
		FIELDS,
		combine,
		'Europe/Berlin',
	);

describe("Get Many filters compiled to Bigin's COQL", () => {
	it.each([
		[
			{ field: 'Loyalty_Points', comparator: 'greater_equal', value: '100' },
			'Loyalty_Points >= 100',
		],
		[
			{ field: 'Annual_Revenue', comparator: 'between', value: '1000, 5000.5' },
			'Annual_Revenue between 1000 and 5000.5',
		],
		[
			{ field: 'Closing_Date', comparator: 'less_than', value: '2026-12-31' },
			"Closing_Date < '2026-12-31'",
		],
		[
			{ field: 'Modified_Time', comparator: 'greater_than', value: '2026-06-01T08:00' },
			"Modified_Time > '2026-06-01T08:00:00+02:00'",
		],
		[{ field: 'Email_Opt_Out', comparator: 'equals', value: 'true' }, 'Email_Opt_Out = true'],
		[
			{ field: 'Account_Name', comparator: 'equals', value: '6756839000000575405' },
			"Account_Name = '6756839000000575405'",
		],
		[{ field: 'Account_Name', comparator: 'is_empty' }, 'Account_Name is null'],
		[{ field: 'Last_Name', comparator: 'is_not_empty' }, 'Last_Name is not null'],
		[
			{ field: 'Last_Name', comparator: 'not_in', value: "Lopez, O'Neil" },
			"Last_Name not in ('Lopez', 'O''Neil')",
		],
		[{ field: 'Last_Name', comparator: 'contains', value: 'op' }, "Last_Name like '%op%'"],
		[{ field: 'Last_Name', comparator: 'starts_with', value: '$&' }, "Last_Name like '$&%'"],
		[{ field: 'Last_Name', comparator: 'ends_with', value: 'ez' }, "Last_Name like '%ez'"],
		[
			{ field: 'Interests', comparator: 'in', value: 'Design,Support' },
			"Interests in ('Design', 'Support')",
		],
	])('compiles %j', (filter, where) => {
		expect(compile([filter])).toEqual({ where });
	});

	it('joins filters two to a bracket with the chosen combinator', () => {
		expect(
			compile(
				[
					{ field: 'Loyalty_Points', comparator: 'greater_than', value: '1' },
					{ field: 'Last_Name', comparator: 'is_not_empty' },
					{ field: 'Email_Opt_Out', comparator: 'equals', value: 'false' },
				],
				'or',
			),
		).toEqual({
			where: '((Loyalty_Points > 1 or Last_Name is not null) or Email_Opt_Out = false)',
		});
	});

	it.each([
		[{ comparator: 'equals', value: 'x' }, 'Filter 1 has no field: pick the field to compare'],
		[
			{ field: 'Nickname', value: 'x' },
			'The module has no field "Nickname": pick a field from the list',
		],
		[
			{ field: 'Description', comparator: 'contains', value: 'x' },
			"Filter 1: Description (textarea field) cannot be used in a filter, because Bigin's Query API does not compare it; pick another field",
		],
		[
			{ field: 'Record_Image', comparator: 'is_empty' },
			'Filter 1: Record_Image (profileimage field) cannot be used',
		],
		[
			{ field: 'Last_Name', comparator: 'greater_than', value: 'B' },
			'Filter 1: "greater_than" does not fit Last Name (text field): use equals',
		],
		[
			{ field: 'Loyalty_Points', value: 'many' },
			'Filter 1: Loyalty_Points (Loyalty_Points) expects a number, not "many"',
		],
		[
			{ field: 'Loyalty_Points', comparator: 'between', value: '1' },
			'Filter 1: Between takes two values separated by a comma',
		],
		[
			{ field: 'Loyalty_Points' },
			'Filter 1 (Loyalty_Points) has no value: enter the value to compare with',
		],
		[
			{
				field: 'Last_Name',
				comparator: 'in',
				value: Array.from({ length: 51 }, (_, i) => `n${i}`).join(','),
			},
			"Filter 1: 51 values: Bigin's Query API takes at most 50 in one list",
		],
	])('refuses %j, saying what to fix', (filter, problem) => {
		const compiled = compile([filter]);
		expect(compiled.problem).toContain(problem);
	});

	it("refuses more filters than Bigin's Query API takes", () => {
		const filters = Array.from({ length: 26 }, () => ({
			field: 'Last_Name',
			comparator: 'is_empty',
		}));
		expect(compile(filters).problem).toBe("26 filters: Bigin's Query API takes at most 25");
	});

	it('offers no comparator on a field the Query API cannot compare', () => {
		expect(comparatorsFor(FIELDS[8])).toEqual([]);
		expect(comparatorsFor(FIELDS[6])).toEqual([
			'equals',
			'not_equal',
			'in',
			'not_in',
			'is_empty',
			'is_not_empty',
		]);
	});
});
