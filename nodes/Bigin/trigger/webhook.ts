import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { channelIdOf } from './identity';
import { notificationItems } from './notificationItems';
import type { ChannelSettings } from './settings';
import { readChannelSettings } from './settings';
import { readStoredChannel } from './storedChannel';
import type { Verdict } from './verify';
import { verifyNotification } from './verify';

function answer(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ message }).end();
	return { noWebhookResponse: true };
}

/**
 * The settings as this node derives them, for when the stored channel is missing or another one.
 * n8n can lose the stored channel: in queue mode a worker saves the workflow's static data from an
 * execution that never loaded it, so another node writing static data erases the trigger's. The
 * channel's id and token are derived, so they can be derived again (one credential read, and only
 * for a call the stored channel refused). Settings that cannot be read (no Client Secret) verify
 * nothing.
 */
async function derivedSettings(
	context: IWebhookFunctions,
	stored: ChannelSettings | undefined,
): Promise<ChannelSettings | undefined> {
	if (stored?.definition.channel_id === channelIdOf(context)) return undefined;
	try {
		return await readChannelSettings(context);
	} catch (error) {
		if (error instanceof NodeOperationError) return undefined;
		throw new NodeOperationError(context.getNode(), error as Error);
	}
}

async function decide(context: IWebhookFunctions): Promise<Verdict> {
	const body = context.getBodyData();
	const stored = readStoredChannel(context.getWorkflowStaticData('node'));
	const verdict = verifyNotification(body, stored);
	if (verdict.outcome !== 'reject' || verdict.status !== 401) return verdict;
	const derived = await derivedSettings(context, stored);
	return derived ? verifyNotification(body, derived) : verdict;
}

/**
 * Verifies first, then hands one item per record to the execution. n8n answers Bigin at once with
 * an empty 200; record fetching happens in the execution, so Bigin never waits for it. Never
 * throws: a failure here would leave a failed execution for a request that is not even Bigin's.
 */
export async function receiveNotification(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	let verdict: Verdict;
	try {
		verdict = await decide(this);
	} catch (error) {
		this.logger?.warn('Bigin Trigger: could not verify a notification', {
			error: (error as Error).message,
		});
		return answer(this, 401, 'Unknown channel or wrong verification token');
	}
	if (verdict.outcome !== 'accept') return answer(this, verdict.status, verdict.reason);
	return { workflowData: [this.helpers.returnJsonArray(notificationItems(verdict.notification))] };
}
