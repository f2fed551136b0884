import type { INodeProperties } from 'n8n-workflow';

import type { BiginMap, Operation } from '../operation';
import { operationOptions } from '../operation';
import * as disable from './disable.operation';
import * as disableEvents from './disableEvents.operation';
import * as enable from './enable.operation';
import * as getMany from './getMany.operation';
import * as renew from './renew.operation';
import * as update from './update.operation';

export const operations: Record<BiginMap['notification'], Operation> = {
	enable,
	getAll: getMany,
	update,
	renew,
	disableEvents,
	disable,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['notification'] } },
		options: operationOptions<'notification'>([
			{
				name: 'Disable',
				value: 'disable',
				description:
					'Delete notification channels; channels Bigin no longer has are reported, not errors',
				action: 'Disable notification channels',
			},
			{
				name: 'Disable Events',
				value: 'disableEvents',
				description: 'Stop some events of a channel, keeping the rest',
				action: 'Disable events of a notification channel',
			},
			{
				name: 'Enable',
				value: 'enable',
				description: 'Create a channel that sends record events to a URL',
				action: 'Enable a notification channel',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List notification channels, one item per channel with its modules inside',
				action: 'Get many notification channels',
			},
			{
				name: 'Renew',
				value: 'renew',
				description: "Push back a channel's expiry, keeping its events, URL and token",
				action: 'Renew a notification channel',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Replace a channel's events, URL, token and expiry",
				action: 'Update a notification channel',
			},
		]),
		default: 'enable',
	},
	...enable.description,
	...getMany.description,
	...update.description,
	...renew.description,
	...disableEvents.description,
	...disable.description,
];
