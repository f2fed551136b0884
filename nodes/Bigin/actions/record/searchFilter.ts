import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Condition } from '../../shared/criteria';
import { buildCriteria, conditionsProblem, operatorFitProblem } from '../../shared/criteria';
import { exactTextFilter } from '../../shared/exactMatch';
import { refuseIfProblem, refuseItem } from '../shared/validation';
import { fieldsOf } from '../../transport/metadataCache';

const BY_TERM = ['email', 'phone', 'word'];

const SEARCH_KINDS = [
	{ name: 'Conditions', value: 'criteria', description: 'Field, operator and value' },
	{ name: 'Email', value: 'email', description: 'Records with this email address' },
	{ name: 'Phone', value: 'phone', description: 'Records with this phone number' },
	{ name: 'Word', value: 'word', description: 'Records with this word in any text field' },
];

/** How to find records: a criteria builder, or Bigin's email, phone and word searches. */
export function searchFilterParameters(includeAll: boolean): INodeProperties[] {
	return [
		includeAll
			? {
					displayName: 'Count',
					name: 'searchBy',
					type: 'options',
					options: [{ name: 'All Records', value: 'all' }, ...SEARCH_KINDS],
					default: 'all',
				}
			: {
					displayName: 'Search By',
					name: 'searchBy',
					type: 'options',
					options: SEARCH_KINDS,
					default: 'criteria',
				},
		{
			displayName: 'Conditions',
			name: 'conditions',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Condition',
			default: {},
			displayOptions: { show: { searchBy: ['criteria'] } },
			options: [
				{
					displayName: 'Condition',
					name: 'condition',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'field',
							type: 'options',
							typeOptions: {
								loadOptionsMethod: 'getSearchableFields',
								loadOptionsDependsOn: ['module'],
							},
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{
							displayName: 'Operator Name or ID',
							name: 'operator',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getOperators', loadOptionsDependsOn: ['&field'] },
							default: 'equals',
							description:
								'The operators that fit the field\'s type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description:
								'Dates as 2026-12-31, date-times with their offset, several values separated by commas',
						},
					],
				},
			],
		},
		{
			displayName: 'Combine Conditions',
			name: 'combine',
			type: 'options',
			options: [
				{ name: 'All Must Match (AND)', value: 'and' },
				{ name: 'Any Can Match (OR)', value: 'or' },
			],
			default: 'and',
			displayOptions: { show: { searchBy: ['criteria'] } },
		},
		{
			displayName: 'Search Term',
			name: 'term',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'maria.lopez@example.com',
			description: 'The email address, phone number or word to look for',
			displayOptions: { show: { searchBy: BY_TERM } },
		},
	];
}

/**
 * Bigin's query parameters for the item's search: `criteria`, `email`, `phone` or `word`; nothing
 * for All Records. Checks the parameters first, then that each operator fits its field's type.
 */
export async function readSearchQuery(
	context: IExecuteFunctions,
	itemIndex: number,
	module: string,
): Promise<IDataObject> {
	const searchBy = context.getNodeParameter('searchBy', itemIndex, 'criteria') as string;
	if (searchBy === 'all') return {};
	if (BY_TERM.includes(searchBy)) {
		const term = String(context.getNodeParameter('term', itemIndex, '')).trim();
		if (term === '')
			refuseItem(context, itemIndex, `Search Term is empty: enter the ${searchBy} to look for`);
		if (searchBy === 'word' && term.length < 2) {
			refuseItem(context, itemIndex, 'Bigin searches words of at least 2 characters');
		}
		return { [searchBy]: term };
	}
	const conditions = readConditions(context, itemIndex);
	refuseIfProblem(context, itemIndex, conditionsProblem(conditions));
	refuseIfProblem(
		context,
		itemIndex,
		operatorFitProblem(conditions, await fieldsOf(context, module)),
	);
	return { criteria: buildCriteria(conditions, readCombine(context, itemIndex)) };
}

function readConditions(context: IExecuteFunctions, itemIndex: number): Condition[] {
	const rows = context.getNodeParameter('conditions.condition', itemIndex, []) as IDataObject[];
	return rows.map((row) => ({
		field: String(row.field ?? '').trim(),
		operator: String(row.operator ?? 'equals'),
		value: String(row.value ?? '').trim(),
	}));
}

function readCombine(context: IExecuteFunctions, itemIndex: number): 'and' | 'or' {
	return context.getNodeParameter('combine', itemIndex, 'and') === 'or' ? 'or' : 'and';
}

/**
 * For a search by conditions, the records to keep of Bigin's matches so that a text Equals
 * matches the whole value (Bigin matches the words); undefined when Bigin's matches stand.
 */
export async function readExactTextFilter(
	context: IExecuteFunctions,
	itemIndex: number,
	module: string,
): Promise<((record: IDataObject) => boolean) | undefined> {
	if (context.getNodeParameter('searchBy', itemIndex, 'criteria') !== 'criteria') return undefined;
	return exactTextFilter(
		readConditions(context, itemIndex),
		readCombine(context, itemIndex),
		await fieldsOf(context, module),
	);
}
