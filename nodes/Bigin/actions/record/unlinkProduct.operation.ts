import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import { unlinkProduct } from '../../transport/related';
import { changeProductLink, productLinkProperties } from './productLink';

const displayOptions = { show: { resource: ['record'], operation: ['unlinkProduct'] } };

export function description(table: ModuleTable): INodeProperties[] {
	return updateDisplayOptions(
		displayOptions,
		productLinkProperties(table, {
			record: 'unlink the product from',
			product: 'unlink from the record',
		}),
	);
}

/** Unlinks a product from a contact, company or pipeline record: one call per item. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const json = await changeProductLink(
		this,
		itemIndex,
		async (module, recordId, productId) => await unlinkProduct(this, module, recordId, productId),
		false,
	);
	return [{ json }];
}
