import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { readChannelState } from './channelState';
import { notificationItems, verifyNotification } from './notification';

/**
 * Verifies first, then hands one item per record to the execution. n8n answers Bigin at once with
 * an empty 200; record fetching happens in the execution, so Bigin never waits for it.
 */
export async function receiveNotification(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const state = readChannelState(this.getWorkflowStaticData('node'));
	const verdict = verifyNotification(this.getBodyData(), state);
	if (!verdict.accepted) {
		this.getResponseObject().status(verdict.status).json({ message: verdict.reason }).end();
		return { noWebhookResponse: true };
	}
	return { workflowData: [this.helpers.returnJsonArray(notificationItems(verdict.notification))] };
}
