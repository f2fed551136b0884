import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { channelIdProblem } from '../../shared/validation';
import type { ChannelListEntry, ChannelQuery } from '../../transport/notifications';
import { listChannels } from '../../transport/notifications';
import { moduleFilterOptions } from './fields';
import { listedChannel } from './output';

const show = { show: { resource: ['notification'], operation: ['getAll'] } };
const MAX_PAGE_SIZE = 200;

export const description: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: show,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show.show, returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show,
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
				options: moduleFilterOptions,
				default: 'Contacts',
				description: 'Only channels watching this module',
			},
		],
	},
];

/** One item per channel and module, as Bigin lists them, paging until the limit or the end. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as {
		channelId?: string;
		module?: string;
	};
	const query: ChannelQuery = { per_page: Math.min(MAX_PAGE_SIZE, limit) };
	if (filters.channelId) {
		const problem = channelIdProblem(filters.channelId.trim());
		if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex });
		query.channel_id = filters.channelId.trim();
	}
	if (filters.module) query.module = filters.module;

	const entries: ChannelListEntry[] = [];
	for (let page = 1; entries.length < limit; page++) {
		const result = await listChannels(this, { ...query, page });
		entries.push(...result.entries);
		if (!result.moreRecords || result.entries.length === 0) break;
	}
	return entries.slice(0, limit).map((entry) => ({ json: listedChannel(entry) as IDataObject }));
}
