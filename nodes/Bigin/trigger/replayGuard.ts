import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { nodeKeyOf } from './notices';
import type { ChannelOptions } from './settings';
import { channelParametersOf } from './settings';

/** Notifications each n8n process remembers per trigger, in memory: at most about half a megabyte. */
export const REMEMBERED_IN_PROCESS = 5000;

/**
 * Notifications n8n's deduplication store remembers per trigger. It keeps them as one JSON list
 * that every check rewrites whole, so it stays small: it only has to catch a copy that reached
 * another webhook processor shortly before.
 */
export const REMEMBERED_IN_DATABASE = 100;

/** Per trigger, the notifications this process accepted, oldest first. */
const remembered = new Map<string, Set<string>>();

/** Notifications this process's webhook accepted whose execution has not run here yet. */
const acceptedHere = new Set<string>();

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

const digest = (key: string) => createHash('sha256').update(key).digest('base64').slice(0, 24);

function rememberAtMost<T>(set: Set<T>, value: T, limit: number): void {
	set.add(value);
	if (set.size > limit) set.delete(set.values().next().value as T);
}

function ignoresRepeats(options: ChannelOptions): boolean {
	return options.ignoreRepeats ?? true;
}

/**
 * Whether this process accepted the notification before; if not, it remembers it. Synchronous, so
 * two copies arriving together in one process cannot both pass. Costs no database access.
 */
export function isRepeatInProcess(context: IWebhookFunctions, items: IDataObject[]): boolean {
	const key = notificationKey(items);
	if (key === undefined || !ignoresRepeats(channelParametersOf(context).options)) return false;
	const node = nodeKeyOf(context);
	const hash = digest(key);
	const seen = remembered.get(node) ?? new Set<string>();
	remembered.set(node, seen);
	if (seen.has(hash)) return true;
	rememberAtMost(seen, hash, REMEMBERED_IN_PROCESS);
	rememberAtMost(acceptedHere, `${node} ${hash}`, REMEMBERED_IN_PROCESS);
	return false;
}

/**
 * Whether this execution's notification was delivered before. An execution in the process whose
 * webhook accepted the notification needs nothing more: n8n runs executions there only outside
 * queue mode, where that process receives every notification and its memory has decided. In queue
 * mode the worker also asks n8n's deduplication store (one indexed read and one small write), for a
 * copy another webhook processor accepted before. Where n8n lacks that helper (before 1.104) or
 * the check fails, the notification is delivered: a duplicate is better than a lost event.
 */
export async function isReplay(context: IExecuteFunctions, items: IDataObject[]): Promise<boolean> {
	const key = notificationKey(items);
	if (key === undefined) return false;
	const options = context.getNodeParameter('options', 0, {}) as ChannelOptions;
	if (!ignoresRepeats(options)) return false;
	if (acceptedHere.delete(`${nodeKeyOf(context)} ${digest(key)}`)) return false;
	if (typeof context.helpers.checkProcessedAndRecord !== 'function') return false;
	try {
		const { processed } = await context.helpers.checkProcessedAndRecord([key], 'node', {
			mode: 'entries',
			maxEntries: REMEMBERED_IN_DATABASE,
		});
		return processed.length > 0;
	} catch (error) {
		context.logger.warn('Bigin Trigger: could not check whether a notification is a replay', {
			error: (error as Error).message,
		});
		return false;
	}
}
