import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { generateVerificationToken } from '../../shared/channelIdentity';
import type { ChannelDefinition } from '../../transport/notifications';
import { enableChannels, throwOnItemErrors } from '../../transport/notifications';
import {
	channelIdField,
	channelOptionsField,
	eventFields,
	expiryFields,
	notifyUrlField,
	tokenField,
} from './fields';
import {
	readChannelId,
	readChannelOptions,
	readEvents,
	readExpiry,
	readNotifyUrl,
	readToken,
} from './parameters';
import { subscribedModules } from './output';

const OPERATION = ['enable'];

export const description: INodeProperties[] = [
	notifyUrlField(OPERATION),
	...eventFields(OPERATION, 'be notified of'),
	...expiryFields(OPERATION),
	channelIdField(OPERATION, false),
	tokenField(
		OPERATION,
		'Leave empty to have a random one generated; it is never shown, so set your own if your receiver checks it',
	),
	channelOptionsField(OPERATION),
];

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
	return subscribedModules(result.items[0], definition).map((json) => ({ json }));
}
