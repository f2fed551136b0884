import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/**
 * Notification keys n8n keeps per trigger node. Replays older than the webhook's server_time
 * window are refused there, so this only has to cover the notifications of about an hour.
 */
export const REMEMBERED_NOTIFICATIONS = 5000;

/**
 * What identifies one notification (Bigin's own de-duplication advice): channel, module and
 * operation, the sorted record ids, and Bigin's server_time. An execution holds exactly one.
 */
export function notificationKey(items: IDataObject[]): string | undefined {
	const first = items[0];
	if (!first) return undefined;
	const ids = items.map((item) => String(item.recordId)).sort();
	return JSON.stringify([first.channelId, first.event, ids, first.serverTime]);
}

/**
 * Whether this execution's notification was delivered before, in n8n's database (so it holds
 * across queue-mode workers). Where n8n lacks the helper (before 1.104) or the check fails,
 * the notification is delivered: a duplicate is better than a lost event.
 */
export async function isReplay(context: IExecuteFunctions, items: IDataObject[]): Promise<boolean> {
	const key = notificationKey(items);
	if (key === undefined || typeof context.helpers.checkProcessedAndRecord !== 'function') {
		return false;
	}
	try {
		const { processed } = await context.helpers.checkProcessedAndRecord([key], 'node', {
			mode: 'entries',
			maxEntries: REMEMBERED_NOTIFICATIONS,
		});
		return processed.length > 0;
	} catch (error) {
		context.logger.warn('Bigin Trigger: could not check whether a notification is a replay', {
			error: (error as Error).message,
		});
		return false;
	}
}
