import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { removeChannelEvents, throwOnItemErrors } from '../../transport/channels';
import { channelIdField, eventFields } from './descriptions';
import { readChannelId, readEvents } from './parameters';

const properties: INodeProperties[] = [
	channelIdField(true),
	...eventFields('stop being notified of'),
];

const displayOptions = { show: { resource: ['notification'], operation: ['disableEvents'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const channelId = readChannelId(this, itemIndex);
	const events = readEvents(this, itemIndex);
	const result = await removeChannelEvents(this, [{ channel_id: channelId, events }]);
	throwOnItemErrors(this, result, [], itemIndex);
	const remaining = result.items[0]?.details?.events ?? [];
	return [
		{
			json: {
				channel_id: channelId,
				disabled_events: events,
				remaining_modules: remaining.map((module) => module.resource_name),
				channel_expiry: remaining[0]?.channel_expiry ?? null,
				message: result.items[0]?.message ?? null,
			},
		},
	];
}
