import {
	fieldSummary,
	mapperTypeOf,
	recordFromMapped,
	toBiginValue,
} from '../../../../nodes/Bigin/shared/fieldTypes';
import type { BiginField } from '../../../../nodes/Bigin/transport/metadata';

const field = (data_type: string, api_name = 'F'): BiginField => ({ api_name, data_type });

describe('Bigin field types', () => {
	it.each([
		['integer', '42', 42],
		['currency', 12.5, 12.5],
		['boolean', 'true', true],
		['date', '2026-12-31T22:00:00+02:00', '2026-12-31'],
		['datetime', '2026-06-01T09:30:00.000Z', '2026-06-01T09:30:00+00:00'],
		['multiselectpicklist', 'Design, Training', ['Design', 'Training']],
		['multiselectpicklist', '["A","B"]', ['A', 'B']],
		['lookup', '6756839000000575405', { id: '6756839000000575405' }],
		['ownerlookup', { id: '1', name: 'Sam' }, { id: '1', name: 'Sam' }],
		['text', 7, '7'],
	])('sends a %s value in the form Bigin takes', (type, value, expected) => {
		expect(toBiginValue(field(type), value, 'UTC')).toEqual({ value: expected });
	});

	it('reads a date-time without an offset in the workflow time zone', () => {
		expect(toBiginValue(field('datetime'), '2026-06-01T09:30:00', 'Europe/Berlin')).toEqual({
			value: '2026-06-01T09:30:00+02:00',
		});
	});

	it('takes a date-time as epoch milliseconds, as an expression such as Date.now() gives it', () => {
		expect(toBiginValue(field('datetime'), Date.UTC(2026, 5, 1, 9, 30), 'Europe/Berlin')).toEqual({
			value: '2026-06-01T11:30:00+02:00',
		});
	});

	it.each([
		['integer', '1.5', 'a whole number'],
		['double', 'abc', 'a number'],
		['boolean', 'yes', 'true or false'],
		['date', 'tomorrow', 'a date'],
		['lookup', 'Zylker', 'the ID of the record it links to'],
	])('refuses a %s field given %p', (type, value, expected) => {
		expect(toBiginValue(field(type, 'X'), value, 'UTC').problem).toBe(
			`X (X) expects ${expected}, not ${JSON.stringify(value)}`,
		);
	});

	it('leaves out empty values and keeps unknown fields as given', () => {
		expect(
			recordFromMapped({ A: '', B: null, C: '3', Unknown: 'x' }, [field('integer', 'C')], 'UTC'),
		).toEqual({ record: { C: 3, Unknown: 'x' } });
	});

	it('shows each type with the fitting input', () => {
		expect(
			['currency', 'boolean', 'datetime', 'picklist', 'multiselectpicklist', 'lookup'].map((t) =>
				mapperTypeOf(field(t)),
			),
		).toEqual(['number', 'boolean', 'dateTime', 'options', 'array', 'string']);
	});

	it('describes a field for the editor with its type in words and its API name', () => {
		expect(fieldSummary(field('ownerlookup', 'Owner'))).toBe('User (owner), API name Owner');
		expect(fieldSummary(field('multiselectpicklist', 'Interests'))).toBe(
			'Multi-select pick list, API name Interests',
		);
		expect(
			fieldSummary({
				...field('lookup', 'Account_Name'),
				lookup: { module: { api_name: 'Accounts' } },
			}),
		).toBe('Lookup to Accounts, API name Account_Name');
		expect(fieldSummary(field('formula', 'Score'))).toBe('formula, API name Score');
	});
});
