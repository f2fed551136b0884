import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { replaceChannels, throwOnItemErrors } from '../../transport/channels';
import { currentDefinition } from './channelLookup';
import { channelIdField, expiryFields } from './descriptions';
import { writtenChannel } from './output';
import { readChannelId, readExpiry } from './parameters';

const properties: INodeProperties[] = [channelIdField(true), ...expiryFields];

const displayOptions = { show: { resource: ['notification'], operation: ['renew'] } };

export const description = updateDisplayOptions(displayOptions, properties);

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
	return [{ json: writtenChannel(result.items[0], definition) }];
}
