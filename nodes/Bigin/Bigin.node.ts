import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as notification from './actions/notification';
import { router } from './actions/router';

export class Bigin implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bigin',
		name: 'bigin',
		icon: { light: 'file:bigin.svg', dark: 'file:bigin.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage Zoho Bigin notification channels',
		defaults: { name: 'Bigin' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'biginOAuth2Api', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Notification',
						value: 'notification',
						description: 'Channels that make Bigin send record events to a URL',
					},
				],
				default: 'notification',
			},
			...notification.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
