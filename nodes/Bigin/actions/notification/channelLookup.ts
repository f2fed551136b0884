import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ChannelDefinition } from '../../transport/channels';
import { readChannel } from '../../transport/channels';

/** The channel's current definition (token included), or a clear error when Bigin no longer has it. */
export async function currentDefinition(
	context: IExecuteFunctions,
	channelId: string,
	itemIndex: number,
): Promise<ChannelDefinition> {
	const channel = await readChannel(context, channelId);
	if (!channel) {
		throw new NodeOperationError(
			context.getNode(),
			`Bigin has no channel ${channelId}: it expired or was disabled. Use the Enable operation to create it again.`,
			{ itemIndex },
		);
	}
	return channel.definition;
}
