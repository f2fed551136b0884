import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { refuseItem } from '../shared/validation';

/** Get Many's Owner filter: the user whose records to list. */
export const ownerFilterParameter: INodeProperties = {
	displayName: 'Owner Name or ID',
	name: 'owner',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getActiveUsers' },
	default: '',
	description:
		'Only the records this user owns. Bigin\'s record list cannot filter, so the node searches for them (Owner equals the user): at most 2,000 records, most recently modified first, without Sort By. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/**
 * The search criteria for the item's Owner filter, or undefined when it has none. The filter
 * goes through Bigin's search, which cannot sort, so Sort By or Sort Order with it is refused.
 */
export function readOwnerCriteria(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): string | undefined {
	const owner = String(options.owner ?? '').trim();
	if (owner === '') return undefined;
	if (!/^\d+$/.test(owner)) {
		refuseItem(context, itemIndex, `Owner "${owner}" is not a Bigin user ID: pick the user`);
	}
	if (options.sortBy !== undefined || options.sortOrder !== undefined) {
		refuseItem(
			context,
			itemIndex,
			'Sort By and Sort Order do not go with Owner: Bigin finds the records of an owner with its search, which returns the most recently modified first. Remove the sort options or the owner',
		);
	}
	return `(Owner:equals:${owner})`;
}

/** The record with its id and the chosen fields only, as a list asking for them returns it. */
export function withFieldsOnly(record: IDataObject, fields: string[]): IDataObject {
	return Object.fromEntries(
		Object.entries(record).filter(([name]) => name === 'id' || fields.includes(name)),
	);
}
