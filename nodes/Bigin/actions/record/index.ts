import type { INodeProperties } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import { recordKindsInProse } from '../../shared/modules';
import type { BiginMap, Operation } from '../operation';
import { operationOptions } from '../operation';
import * as count from './count.operation';
import * as create from './create.operation';
import * as deleteRecord from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as query from './query.operation';
import * as getRelated from './getRelated.operation';
import * as linkProduct from './linkProduct.operation';
import * as search from './search.operation';
import * as unlinkProduct from './unlinkProduct.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations: Record<BiginMap['record'], Operation> = {
	get,
	getAll: getMany,
	getRelated,
	search,
	query,
	count,
	create,
	update,
	upsert,
	delete: deleteRecord,
	linkProduct,
	unlinkProduct,
};

/** The Record resource's parameters, for the modules of the table. */
export function description(table: ModuleTable): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['record'] } },
			options: operationOptions<'record'>([
				{
					name: 'Count',
					value: 'count',
					description: 'Count the records of a module, all of them or those matching a search',
					action: 'Count records',
				},
				{
					name: 'Create',
					value: 'create',
					description: `Create a ${recordKindsInProse(table)}`,
					action: 'Create a record',
				},
				{
					name: 'Create or Update',
					value: 'upsert',
					description:
						'Create a new record, or update the current one if it already exists (upsert)',
					action: 'Create or update a record',
				},
				{
					name: 'Delete',
					value: 'delete',
					description: 'Delete a record by its ID',
					action: 'Delete a record',
				},
				{
					name: 'Get',
					value: 'get',
					description: 'Get one record by its ID or its Bigin URL',
					action: 'Get a record',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					description: 'List the records of a module, with the fields and order you choose',
					action: 'Get many records',
				},
				{
					name: 'Get Related Records',
					value: 'getRelated',
					description:
						"A record's related records: a company's contacts, a contact's products, a pipeline record's tasks, …",
					action: 'Get related records',
				},
				{
					name: 'Link Product',
					value: 'linkProduct',
					description: 'Link a product to a contact, company or pipeline record',
					action: 'Link a product to a record',
				},
				{
					name: 'Query',
					value: 'query',
					description:
						"Run a COQL select you write (Bigin's Query API): fields, conditions, order, up to 10,000 records",
					action: 'Query records',
				},
				{
					name: 'Search',
					value: 'search',
					description:
						'Find records by field conditions (AND/OR), or by email, phone number or a word',
					action: 'Search records',
				},
				{
					name: 'Unlink Product',
					value: 'unlinkProduct',
					description:
						'Remove the link between a product and a contact, company or pipeline record',
					action: 'Unlink a product from a record',
				},
				{
					name: 'Update',
					value: 'update',
					description:
						"Change some fields of a record by its ID, or move a pipeline record's stage",
					action: 'Update a record',
				},
			]),
			default: 'get',
		},
		...get.description(table),
		...getMany.description(table),
		...getRelated.description(table),
		...search.description(table),
		...query.description(),
		...count.description(table),
		...create.description(table),
		...update.description(table),
		...upsert.description(table),
		...deleteRecord.description(table),
		...linkProduct.description(table),
		...unlinkProduct.description(table),
	];
}
