import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { replaceChannels, throwOnItemErrors } from '../../transport/notifications';
import { currentDefinition } from './channelLookup';
import { channelIdField, expiryFields } from './fields';
import { readChannelId, readExpiry } from './parameters';
import { subscribedModules } from './output';

const OPERATION = ['renew'];

export const description: INodeProperties[] = [
	channelIdField(OPERATION, true),
	...expiryFields(OPERATION),
];

/** Reads the channel and sends it back unchanged but for the expiry, so nothing else is lost. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const channelId = readChannelId(this, itemIndex);
	const expiry = readExpiry(this, itemIndex);
	const definition = {
		...(await currentDefinition(this, channelId, itemIndex)),
		channel_expiry: expiry,
	};
	const result = await replaceChannels(this, [definition]);
	throwOnItemErrors(this, result, [], itemIndex);
	return subscribedModules(result.items[0], definition).map((json) => ({ json }));
}
