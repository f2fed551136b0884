import {
	fieldSummary,
	isWritable,
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
		['ownerlookup', { id: '1', name: 'Sam', email: 'sam@example.com' }, { id: '1' }],
		['ownerlookup', '6756839000000311017', { id: '6756839000000311017' }],
		['text', 7, '7'],
	])('sends a %s value in the form Bigin takes', (type, value, expected) => {
		expect(toBiginValue(field(type), value, 'UTC')).toEqual({ value: expected });
	});

	it.each([
		['a comma-separated list', 'VIP, Newsletter ,VIP', [{ name: 'VIP' }, { name: 'Newsletter' }]],
		['an array of names', ['VIP', 'Newsletter'], [{ name: 'VIP' }, { name: 'Newsletter' }]],
		['tags as Bigin reads them', [{ name: 'VIP', id: '1', color_code: null }], [{ name: 'VIP' }]],
		['a JSON array in text', '["VIP"]', [{ name: 'VIP' }]],
		['an empty array, which clears the tags', [], []],
	])('sends Tag (text held as a JSON array) as tag names from %s', (_label, value, expected) => {
		const tag = { api_name: 'Tag', data_type: 'text', json_type: 'jsonarray' };
		expect(toBiginValue(tag, value, 'UTC')).toEqual({ value: expected });
	});

	it('goes by json_type before data_type: a JSON object is a reference, a JSON array a list', () => {
		const related = { api_name: 'Related_To', data_type: 'text', json_type: 'jsonobject' };
		expect(toBiginValue(related, ' 42 ', 'UTC')).toEqual({ value: { id: '42' } });
		const list = { api_name: 'Regions', data_type: 'text_list', json_type: 'jsonarray' };
		expect(toBiginValue(list, 'North, South', 'UTC')).toEqual({ value: ['North', 'South'] });
		expect(toBiginValue(field('ownerlookup', 'Owner'), 'sam@example.com', 'UTC').problem).toBe(
			'Owner (Owner) expects a user ID, not "sam@example.com"',
		);
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

	describe('writability, as view_type says it', () => {
		const view = (create: boolean, edit: boolean) => ({
			view: true,
			create,
			edit,
			quick_create: false,
		});
		const metadata = (extra: Partial<BiginField>): BiginField => ({
			api_name: 'F',
			data_type: 'text',
			read_only: false,
			field_read_only: false,
			...extra,
		});

		it('writes a field on create or on edit as its view_type allows, and on upsert when either does', () => {
			const createOnly = metadata({ view_type: view(true, false) });
			expect(
				['create', 'edit', 'upsert'].map((kind) => isWritable(createOnly, kind as never)),
			).toEqual([true, false, true]);
			const editOnly = metadata({ view_type: view(false, true) });
			expect(isWritable(editOnly, 'create')).toBe(false);
			expect(isWritable(editOnly, 'edit')).toBe(true);
		});

		it('writes Owner although field_read_only is true, as recorded', () => {
			const owner = metadata({
				api_name: 'Owner',
				data_type: 'ownerlookup',
				field_read_only: true,
				view_type: view(true, true),
			});
			expect(isWritable(owner, 'create')).toBe(true);
			expect(isWritable({ ...owner, view_type: undefined }, 'edit')).toBe(true);
		});

		it('leaves out audit fields and Full_Name, whose read-only flags are both false', () => {
			expect(
				isWritable(metadata({ api_name: 'Created_Time', view_type: view(false, false) }), 'create'),
			).toBe(false);
		});

		it('writes Tag, which view_type marks unwritable but the API takes as names', () => {
			const tag = metadata({
				api_name: 'Tag',
				json_type: 'jsonarray',
				view_type: view(false, false),
			});
			expect(isWritable(tag, 'create')).toBe(true);
			expect(isWritable(tag, 'edit')).toBe(true);
		});

		it('never writes a field read_only for everyone', () => {
			expect(isWritable(metadata({ read_only: true, view_type: view(true, true) }), 'create')).toBe(
				false,
			);
			expect(isWritable(metadata({ field_read_only: true }), 'create')).toBe(false);
		});
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
