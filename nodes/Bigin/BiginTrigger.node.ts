import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	WAITING_FOR_A_CHANGE,
	triggerPanel,
	triggerProperties,
	triggerSubtitle,
} from './trigger/descriptions';
import * as lifecycle from './trigger/lifecycle';
import { addRecords } from './trigger/recordFetch';
import { refusalError, refusalReportOf } from './trigger/refusals';
import { startRenewer } from './trigger/renewal';
import { RENEWAL_CHECK_CRON } from './trigger/renewalSchedule';
import { receiveNotification } from './trigger/webhook';

/**
 * Webhook half: the channel's lifecycle and each notification. Trigger half: a renewal cron, since
 * Bigin channels die within a day and n8n never re-runs webhook methods on its own. The execute()
 * step makes test events show their real payload (n8n would otherwise re-run trigger() for them),
 * and fails the execution the webhook starts to show a persistent refusal (refusals.ts).
 */
export class BiginTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bigin Trigger',
		name: 'biginTrigger',
		icon: { light: 'file:bigin.svg', dark: 'file:bigin.dark.svg' },
		group: ['trigger'],
		// Not 1: for a webhook start node of typeVersion 1, n8n evaluates the legacy Webhook v1
		// "binaryData" option as an expression on every call, which costs an isolate per request.
		version: 1.1,
		subtitle: triggerSubtitle(),
		// n8n's node picker merges Bigin and Bigin Trigger into one entry that shows this text,
		// both where a workflow starts and under "What happens next?": it describes the pair.
		description:
			'Start workflows when contacts, companies, pipeline records and more change in Zoho Bigin, and manage its notification channels',
		defaults: { name: 'Bigin Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'biginOAuth2Api', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		triggerPanel,
		eventTriggerDescription: WAITING_FOR_A_CHANGE,
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await lifecycle.checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await lifecycle.create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await lifecycle.delete.call(this);
			},
		},
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		if (this.getMode() === 'manual') return {};
		const renewer = startRenewer(this);
		this.helpers.registerCron({ expression: RENEWAL_CHECK_CRON }, async () => await renewer.tick());
		return { closeFunction: async () => renewer.close() };
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveNotification.call(this);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const refusal = refusalReportOf(this.getInputData());
		if (refusal) throw refusalError(this.getNode(), refusal);
		return await addRecords.call(this);
	}
}
