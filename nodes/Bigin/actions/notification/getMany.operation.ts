import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { WATCHABLE_MODULES } from '../../shared/events';
import { channelIdProblem } from '../../shared/validation';
import type { ChannelListEntry, ChannelQuery } from '../../transport/channels';
import { listChannels } from '../../transport/channels';
import { moduleOptions } from '../shared/modules';
import { collectPages, readLimit, returnAllOrLimit } from '../shared/paging';
import { listedChannelItems } from './output';

const MAX_PAGE_SIZE = 200;

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Channel ID',
				name: 'channelId',
				type: 'string',
				default: '',
				description: 'Only this channel',
			},
			{
				displayName: 'Module',
				name: 'module',
				type: 'options',
				options: moduleOptions(WATCHABLE_MODULES.map((module) => module.apiName)),
				default: 'Contacts',
				description: 'Only channels watching this module',
			},
		],
	},
];

const displayOptions = { show: { resource: ['notification'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const channelCount = (entries: ChannelListEntry[]) =>
	new Set(entries.map((entry) => entry.channel_id)).size;

/** One item per channel, its modules inside, paging until the limit or the end. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as {
		channelId?: string;
		module?: string;
	};
	const query: ChannelQuery = { per_page: MAX_PAGE_SIZE };
	if (filters.channelId) {
		const problem = channelIdProblem(filters.channelId.trim());
		if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex });
		query.channel_id = filters.channelId.trim();
	}
	if (filters.module) query.module = filters.module;

	// Bigin lists a channel once per module, so a channel may span two pages: read one channel past the limit.
	const entries = await collectPages(
		async (page: number) => {
			const result = await listChannels(this, { ...query, page });
			return { entries: result.entries, next: result.moreRecords ? page + 1 : undefined };
		},
		1,
		(sofar) => channelCount(sofar) > limit,
	);
	return listedChannelItems(entries)
		.slice(0, limit)
		.map((json) => ({ json }));
}
