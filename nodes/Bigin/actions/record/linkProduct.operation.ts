import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import { linkProduct } from '../../transport/related';
import { changeProductLink, productLinkProperties } from './productLink';

const displayOptions = { show: { resource: ['record'], operation: ['linkProduct'] } };

export function description(table: ModuleTable): INodeProperties[] {
	return updateDisplayOptions(
		displayOptions,
		productLinkProperties(table, { record: 'link the product to', product: 'link to the record' }),
	);
}

/** Links a product to a contact, company or pipeline record: one call per item. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const json = await changeProductLink(
		this,
		itemIndex,
		async (module, recordId, productId) => await linkProduct(this, module, recordId, productId),
		true,
	);
	return [{ json }];
}
