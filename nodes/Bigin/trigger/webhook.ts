import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { readChannelState } from './channelState';
import type { Verdict } from './notification';
import { notificationItems, verifyNotification } from './notification';

function answer(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ message }).end();
	return { noWebhookResponse: true };
}

/**
 * Verifies first, then hands one item per record to the execution. n8n answers Bigin at once with
 * an empty 200; record fetching happens in the execution, so Bigin never waits for it. Never
 * throws: a failure here would leave a failed execution for a request that is not even Bigin's.
 */
export async function receiveNotification(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	let verdict: Verdict;
	try {
		verdict = verifyNotification(
			this.getBodyData(),
			readChannelState(this.getWorkflowStaticData('node')),
		);
	} catch (error) {
		this.logger?.warn('Bigin Trigger: could not read a notification', {
			error: (error as Error).message,
		});
		return answer(this, 400, 'The body is not a Bigin notification');
	}
	if (verdict.outcome !== 'accept') return answer(this, verdict.status, verdict.reason);
	return { workflowData: [this.helpers.returnJsonArray(notificationItems(verdict.notification))] };
}
