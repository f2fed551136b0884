import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userQueryProblem } from '../../shared/coql';
import { readLimit, returnAllOrLimit } from '../shared/paging';
import { refuseIfProblem } from '../shared/validation';
import { readQueryRows } from './queryPaging';

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		typeOptions: { editor: 'sqlEditor', sqlDialect: 'StandardSQL' },
		default: '',
		required: true,
		placeholder:
			'select Last_Name, Email, Loyalty_Points from Contacts where Loyalty_Points >= 100 order by Loyalty_Points desc',
		description:
			'A COQL select: fields by API name, the module\'s API name after from, then where, order by. Leave LIMIT and OFFSET out: Limit and Return All set them. See <a href="https://www.bigin.com/developer/docs/apis/v2/coql-overview.html">Bigin\'s COQL</a>.',
		hint: 'Needs ZohoBigin.coql.READ in the Scope of the Bigin credential',
	},
	...returnAllOrLimit,
];

const displayOptions = { show: { resource: ['record'], operation: ['query'] } };

export const description = (): INodeProperties[] =>
	updateDisplayOptions(displayOptions, properties);

/** One item per row Bigin's Query API returns, up to the limit (at most 10,000: Bigin's reach). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const query = String(this.getNodeParameter('query', itemIndex, ''));
	refuseIfProblem(this, itemIndex, userQueryProblem(query));
	const rows = await readQueryRows(this, query, readLimit(this, itemIndex));
	return rows.map((row) => ({ json: row }));
}
