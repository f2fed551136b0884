import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { NOT_SUBSCRIBED, disableChannels, throwOnItemErrors } from '../../transport/channels';
import { readChannelIds } from './parameters';

const properties: INodeProperties[] = [
	{
		displayName: 'Channel IDs',
		name: 'channelIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: '1735689600123, 1735689600456',
		description: 'One or more channel IDs to disable, separated by commas',
	},
];

const displayOptions = { show: { resource: ['notification'], operation: ['disable'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** One item per requested channel; a channel Bigin no longer has is reported, not an error. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const channelIds = readChannelIds(this, itemIndex);
	const result = await disableChannels(this, channelIds);
	throwOnItemErrors(this, result, [NOT_SUBSCRIBED], itemIndex);
	return channelIds.map((channelId) => {
		const modules = result.items
			.filter((item) => item.status === 'success' && item.details?.channel_id === channelId)
			.map((item) => item.details?.resource_uri)
			.map(
				(uri) =>
					String(uri ?? '')
						.split('/')
						.pop() ?? '',
			);
		const disabled = modules.length > 0;
		return {
			json: {
				channel_id: channelId,
				disabled,
				modules,
				code: disabled ? 'SUCCESS' : NOT_SUBSCRIBED,
				message: disabled
					? 'Channel disabled'
					: 'Bigin had no such channel: it was already disabled or had expired',
			},
		};
	});
}
