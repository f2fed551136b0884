import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { generateVerificationToken } from '../../shared/channelIdentity';
import type { ChannelDefinition } from '../../transport/channels';
import { enableChannels, throwOnItemErrors } from '../../transport/channels';
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
	notifyUrlField,
	...eventFields('be notified of'),
	...expiryFields,
	channelIdField(false),
	tokenField(
		'Leave empty to have a random one generated; it is never shown, so set your own if your receiver checks it',
	),
	channelOptionsField,
];

const displayOptions = { show: { resource: ['notification'], operation: ['enable'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const definition: ChannelDefinition = {
		channel_id: readChannelId(this, itemIndex, true),
		events: readEvents(this, itemIndex),
		notify_url: readNotifyUrl(this, itemIndex),
		token: readToken(this, itemIndex) ?? generateVerificationToken(),
		channel_expiry: readExpiry(this, itemIndex),
		...readChannelOptions(this, itemIndex),
	};
	const result = await enableChannels(this, [definition]);
	throwOnItemErrors(this, result, [], itemIndex);
	return [{ json: writtenChannel(result.items[0], definition) }];
}
