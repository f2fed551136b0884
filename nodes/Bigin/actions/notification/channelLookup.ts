import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ChannelDefinition } from '../../transport/notifications';
import { listChannels } from '../../transport/notifications';
import { definitionFromListing } from './output';

/** The channel's current definition (token included), or a clear error when Bigin no longer has it. */
export async function currentDefinition(
	context: IExecuteFunctions,
	channelId: string,
	itemIndex: number,
): Promise<ChannelDefinition> {
	const { entries } = await listChannels(context, { channel_id: channelId });
	if (entries.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			`Bigin has no channel ${channelId}: it expired or was disabled. Use the Enable operation to create it again.`,
			{ itemIndex },
		);
	}
	return definitionFromListing(entries);
}
