import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as notification from './actions/notification';
import * as record from './actions/record';
import { router } from './actions/router';
import { nodeSubtitle } from './actions/subtitle';
import { listSearch, loadOptions, resourceMapping } from './methods';
import { BIGIN_MODULES, recordKindsInProse } from './shared/modules';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Record',
				value: 'record',
				description: `A ${recordKindsInProse(BIGIN_MODULES)}`,
			},
			{
				name: 'Notification',
				value: 'notification',
				description: 'Channels that make Bigin send record events to a URL',
			},
		],
		default: 'record',
	},
	...record.description(BIGIN_MODULES),
	...notification.description,
];

export class Bigin implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bigin',
		name: 'bigin',
		icon: { light: 'file:bigin.svg', dark: 'file:bigin.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: nodeSubtitle(properties, BIGIN_MODULES),
		description:
			'Read, create, update and delete Zoho Bigin records (contacts, companies, pipelines and more) and manage notification channels',
		defaults: { name: 'Bigin' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'biginOAuth2Api', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
