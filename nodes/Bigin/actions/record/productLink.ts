import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import { findModule, modulesWithProductLinks, moduleNames } from '../../shared/modules';
import { BiginApiError } from '../../transport/errors';
import type { RecordWriteResult } from '../../transport/records';
import { refuseItem } from '../shared/validation';
import { moduleParameter, recordLocatorParameter } from './descriptions';
import { readModule, readRecordId } from './parameters';

/** The module, the record, and the product to link to it or unlink from it. */
export function productLinkProperties(
	table: ModuleTable,
	what: { record: string; product: string },
): INodeProperties[] {
	return [
		moduleParameter(table, modulesWithProductLinks(table)),
		recordLocatorParameter(what.record),
		recordLocatorParameter(what.product, {
			displayName: 'Product',
			name: 'productId',
			searchListMethod: 'searchProducts',
		}),
	];
}

/** What Bigin's answer for one link or unlink means: the item's output, or its error. */
export async function changeProductLink(
	context: IExecuteFunctions,
	itemIndex: number,
	send: (module: string, recordId: string, productId: string) => Promise<RecordWriteResult>,
	linked: boolean,
): Promise<IDataObject> {
	const module = readModule(context, itemIndex);
	if (!findModule(module)?.productLinks) {
		refuseItem(
			context,
			itemIndex,
			`Products cannot be linked to ${module} records. Use one of: ${moduleNames(modulesWithProductLinks()).join(', ')}`,
		);
	}
	const recordId = readRecordId(context, itemIndex);
	const productId = readRecordId(context, itemIndex, 'productId');
	const result = await send(module, recordId, productId);
	const [entry] = result.entries;
	if (entry?.status !== 'success') {
		throw new BiginApiError(context.getNode(), entry ?? { message: 'no answer for the link' }, {
			httpCode: result.statusCode,
			transient: false,
			itemIndex,
		});
	}
	return { module, id: recordId, productId, linked, message: entry.message ?? null };
}
