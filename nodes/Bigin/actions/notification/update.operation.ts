import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ChannelDefinition } from '../../transport/notifications';
import { replaceChannels, throwOnItemErrors } from '../../transport/notifications';
import { currentDefinition } from './channelLookup';
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

const OPERATION = ['update'];

export const description: INodeProperties[] = [
	channelIdField(OPERATION, true),
	notifyUrlField(OPERATION),
	...eventFields(OPERATION, 'be notified of (they replace the current ones)'),
	...expiryFields(OPERATION),
	tokenField(OPERATION, "Leave empty to keep the channel's current token"),
	channelOptionsField(OPERATION),
];

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
	return subscribedModules(result.items[0], definition).map((json) => ({ json }));
}
