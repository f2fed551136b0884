import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { derivedVerificationToken } from '../shared/channelIdentity';
import { rememberedClientSecret } from './clientSecret';
import { channelIdOf } from './identity';
import { notificationItems } from './notificationItems';
import { notice } from './notices';
import { noteAcceptance, noteRefusal, reportItems } from './refusals';
import { isRepeatInProcess, namingThisProcess } from './replayGuard';
import { channelParametersOf } from './settings';
import type { StoredChannel } from './storedChannel';
import { readStoredChannel } from './storedChannel';
import type { Verdict } from './verify';
import { MAX_IDS_PER_NOTIFICATION, verifyNotification } from './verify';

function answer(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ message }).end();
	return { noWebhookResponse: true };
}

interface Decision {
	verdict: Verdict;
	stored: StoredChannel | undefined;
	derivedChannelId: string;
}

/**
 * Verifies the call against this node's channels: the one activation stored and the one this
 * process derives (they differ when this process's webhook URL differs from the main's). The
 * token is derived from the Client Secret, read once per process; when a call naming this node's
 * channel carries another token, the secret is read again before the call is refused, in case it
 * changed in n8n.
 */
async function decide(context: IWebhookFunctions): Promise<Decision> {
	const body = context.getBodyData();
	const stored = readStoredChannel(context.getWorkflowStaticData('node'));
	const derivedChannelId = channelIdOf(context);
	const channelIds = [...new Set([stored?.channelId ?? derivedChannelId, derivedChannelId])];
	const verifyWith = (secret: string) =>
		verifyNotification(body, {
			channelIds,
			tokenOf: (channelId) => derivedVerificationToken(secret, channelId),
			watching: () => {
				const { events, options } = channelParametersOf(context);
				return { events, notifyOnRelatedAction: options.notifyOnRelatedAction ?? false };
			},
		});
	const { secret, justRead } = await rememberedClientSecret(context);
	let verdict = verifyWith(secret);
	const ownChannelRefused =
		verdict.outcome === 'reject' &&
		(verdict.refusal === 'token mismatch' || verdict.refusal === 'no Client Secret');
	if (ownChannelRefused && !justRead)
		verdict = verifyWith((await rememberedClientSecret(context, true)).secret);
	return { verdict, stored, derivedChannelId };
}

/** A refused call: 401, a warning when it looks like Bigin's, and a failed execution once it persists. */
function refuse(
	context: IWebhookFunctions,
	verdict: Extract<Verdict, { outcome: 'reject' }>,
	decision: Decision,
): IWebhookResponseData {
	const reply = answer(context, verdict.status, verdict.reason);
	if (!verdict.refusal) return reply;
	const body = context.getBodyData();
	const report = noteRefusal(context, verdict.refusal, String(body.channel_id ?? ''), {
		storedChannelId: decision.stored?.channelId,
		derivedChannelId: decision.derivedChannelId,
	});
	return report ? { ...reply, workflowData: [reportItems(report)] } : reply;
}

/** Says, once a minute at most, when this process derives another channel than activation stored. */
function noticeOtherWebhookUrl(context: IWebhookFunctions, decision: Decision): void {
	const storedChannelId = decision.stored?.channelId;
	if (storedChannelId === undefined || storedChannelId === decision.derivedChannelId) return;
	notice(
		context,
		'other webhook URL',
		'warn',
		"Bigin Trigger: this n8n process derives another channel id than the one the workflow registered: its webhook URL differs from that of the process that activated it (WEBHOOK_URL). Notifications are verified against the registered channel, but would be refused if the workflow's static data lost it. Give every n8n process the same WEBHOOK_URL.",
		{ storedChannelId, derivedChannelId: decision.derivedChannelId },
	);
}

/**
 * Verifies first, then hands one item per record to the execution. n8n answers Bigin at once with
 * an empty 200; record fetching happens in the execution, so Bigin never waits for it. Whatever it
 * drops on purpose it logs (once a minute at most): a module or operation the trigger does not
 * act on, ids beyond the cap, a notification delivered before. Never throws: a failure here would
 * leave a failed execution for a request that is not even Bigin's.
 */
export async function receiveNotification(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	let decision: Decision;
	try {
		decision = await decide(this);
	} catch (error) {
		this.logger?.warn('Bigin Trigger: could not verify a notification', {
			error: (error as Error).message,
		});
		return answer(this, 401, 'Unknown channel or wrong verification token');
	}
	const { verdict } = decision;
	if (verdict.outcome === 'reject') return refuse(this, verdict, decision);
	noteAcceptance(this);
	noticeOtherWebhookUrl(this, decision);
	const body = this.getBodyData() as IDataObject;
	if (verdict.outcome === 'ignore') {
		notice(this, 'ignored', 'warn', `Bigin Trigger: dropped a notification. ${verdict.reason}`, {
			channelId: String(body.channel_id),
			module: String(body.module),
			operation: String(body.operation),
		});
		return answer(this, verdict.status, verdict.reason);
	}
	const { notification, refusedIds } = verdict;
	if (refusedIds) {
		notice(
			this,
			'too many ids',
			'warn',
			`Bigin Trigger: a notification named ${MAX_IDS_PER_NOTIFICATION + refusedIds.count} record ids; the first ${MAX_IDS_PER_NOTIFICATION} became items, the other ${refusedIds.count} were refused (Bigin sends at most ${MAX_IDS_PER_NOTIFICATION}). Read them with the Bigin node if they are genuine.`,
			{
				channelId: notification.channel_id,
				module: notification.module,
				operation: notification.operation,
				firstRefusedId: refusedIds.first,
				lastRefusedId: refusedIds.last,
			},
		);
	}
	const items = notificationItems(notification);
	if (isRepeatInProcess(this, items)) {
		notice(
			this,
			'repeated',
			'info',
			'Bigin Trigger: dropped a notification delivered before (same channel, event, records and server_time)',
			{
				channelId: notification.channel_id,
				module: notification.module,
				operation: notification.operation,
				serverTime: notification.server_time,
			},
		);
		return answer(this, 200, 'Ignored: delivered before');
	}
	return { workflowData: [namingThisProcess(this.helpers.returnJsonArray(items))] };
}
