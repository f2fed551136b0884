import {
	buildCriteria,
	conditionsProblem,
	escapeCriteriaValue,
	operatorFitProblem,
} from '../../../../nodes/Bigin/shared/criteria';
import type { BiginField } from '../../../../nodes/Bigin/transport/metadata';

describe('search criteria', () => {
	it('writes one condition bare and several joined by and/or', () => {
		expect(buildCriteria([{ field: 'Last_Name', operator: 'equals', value: 'Lopez' }], 'and')).toBe(
			'(Last_Name:equals:Lopez)',
		);
		expect(
			buildCriteria(
				[
					{ field: 'A', operator: 'equals', value: '1' },
					{ field: 'B', operator: 'starts_with', value: 'x' },
				],
				'or',
			),
		).toBe('((A:equals:1)or(B:starts_with:x))');
	});

	it('escapes parentheses, commas and backslashes in values, but splits lists of values', () => {
		expect(escapeCriteriaValue('Grant (UK), Ltd')).toBe('Grant \\(UK\\)\\, Ltd');
		expect(
			buildCriteria([{ field: 'Stage', operator: 'in', value: 'Won, Lost (late)' }], 'and'),
		).toBe('(Stage:in:Won,Lost \\(late\\))');
	});

	it('says what is missing before anything is sent', () => {
		expect(conditionsProblem([])).toContain('No conditions');
		expect(conditionsProblem([{ field: '', operator: 'equals', value: 'x' }])).toContain(
			'has no field',
		);
		expect(conditionsProblem([{ field: 'A', operator: 'between', value: '1,2,3' }])).toContain(
			'two values',
		);
		expect(conditionsProblem([{ field: 'A', operator: 'equals', value: 'x' }])).toBeUndefined();
	});

	it("checks each operator against its field's type", () => {
		const fields: BiginField[] = [
			{ api_name: 'Email', data_type: 'email' },
			{ api_name: 'Amount', data_type: 'currency' },
			{ api_name: 'Active', data_type: 'boolean' },
		];
		expect(
			operatorFitProblem([{ field: 'Amount', operator: 'between', value: '1,2' }], fields),
		).toBeUndefined();
		expect(operatorFitProblem([{ field: 'Active', operator: 'in', value: 'x' }], fields)).toContain(
			'use equals, not_equal',
		);
		expect(
			operatorFitProblem([{ field: 'Nope', operator: 'equals', value: 'x' }], fields),
		).toContain('no field "Nope"');
	});
});
