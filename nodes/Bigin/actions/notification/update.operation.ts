import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ChannelDefinition } from '../../transport/channels';
import { replaceChannels, throwOnItemErrors } from '../../transport/channels';
import { currentDefinition } from './channelLookup';
import {
	channelIdField,
	channelOptionsField,
	eventFields,
	expiryFields,
	notifyUrlField,
	tokenField,
} from './descriptions';
import { writtenChannel } from './output';
import {
	readChannelId,
	readChannelOptions,
	readEvents,
	readExpiry,
	readNotifyUrl,
	readToken,
} from './parameters';

const properties: INodeProperties[] = [
	channelIdField(true),
	notifyUrlField,
	...eventFields('be notified of (they replace the current ones)'),
	...expiryFields,
	tokenField("Leave empty to keep the channel's current token"),
	channelOptionsField,
];

const displayOptions = { show: { resource: ['notification'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Full replace: everything the user gives; an empty token field keeps the current token. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const channelId = readChannelId(this, itemIndex);
	const definition: ChannelDefinition = {
		channel_id: channelId,
		events: readEvents(this, itemIndex),
		notify_url: readNotifyUrl(this, itemIndex),
		channel_expiry: readExpiry(this, itemIndex),
		...readChannelOptions(this, itemIndex),
	};
	const token =
		readToken(this, itemIndex) ?? (await currentDefinition(this, channelId, itemIndex)).token;
	if (token !== undefined) definition.token = token;
	const result = await replaceChannels(this, [definition]);
	throwOnItemErrors(this, result, [], itemIndex);
	return [{ json: writtenChannel(result.items[0], definition) }];
}
