import { createHash, randomUUID } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import { nodeKeyOf } from './notices';
import { deliveredBefore } from './storeCheck';
import type { ChannelOptions } from './settings';
import { channelParametersOf } from './settings';

/** Notifications each n8n process remembers per trigger, in memory: at most about half a megabyte. */
export const REMEMBERED_IN_PROCESS = 5000;

/**
 * How long a worker counts a process as one that receives a trigger's notifications after the
 * last execution it accepted. Past it, a process taken out of the load balancer no longer makes
 * every execution pay for the database check.
 */
export const RECEIVER_MEMORY_MS = 60 * 60_000;

/** Where an execution's first item says which process accepted its notification. */
export const RECEIVER_KEY = 'biginReceivedBy';

/** This process, as the executions its webhook starts name it. */
const THIS_PROCESS = randomUUID();

/** Per trigger, the processes whose accepted notifications this process ran, and when last. */
const receivers = new Map<string, Map<string, number>>();

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

/** The execution's items, naming this process as the one that accepted their notification. */
export function namingThisProcess(items: INodeExecutionData[]): INodeExecutionData[] {
	return items.map((item, index) =>
		index === 0 ? { ...item, [RECEIVER_KEY]: THIS_PROCESS } : item,
	);
}

/** The process that accepted the execution's notification, where its webhook said. */
function receiverOf(items: INodeExecutionData[]): string | undefined {
	const receiver = items[0]?.[RECEIVER_KEY];
	return typeof receiver === 'string' ? receiver : undefined;
}

/**
 * Notes the process that accepted this notification, then says whether it is the only one this
 * process has seen accept the trigger's notifications within RECEIVER_MEMORY_MS. Then its memory
 * has decided: a copy that reached it again was dropped there, and no other process could have
 * accepted one.
 */
function onlyReceiver(node: string, receiver: string | undefined, now: number): boolean {
	if (receiver === undefined) return false;
	const seen = receivers.get(node) ?? new Map<string, number>();
	receivers.set(node, seen);
	seen.set(receiver, now);
	for (const [other, at] of seen) if (now - at > RECEIVER_MEMORY_MS) seen.delete(other);
	return seen.size === 1;
}

/**
 * Whether this execution's notification was delivered before. The memory of the process that
 * accepted it has decided, in the webhook, for every copy that reached that process again. So
 * n8n's deduplication store (storeCheck.ts) is asked only where another process may have accepted
 * a copy: on a queue-mode worker that has run notifications accepted by more than one process
 * (webhook processors, or a main that also serves webhooks) within the last hour, and for
 * executions that do not say which process accepted them. Where n8n lacks that helper (before
 * 1.104), the notification is delivered: a duplicate is better than a lost event.
 */
export async function isReplay(
	context: IExecuteFunctions,
	input: INodeExecutionData[],
): Promise<boolean> {
	const items = input.map((item) => item.json);
	const key = notificationKey(items);
	if (key === undefined) return false;
	const options = context.getNodeParameter('options', 0, {}) as ChannelOptions;
	if (!ignoresRepeats(options)) return false;
	const node = nodeKeyOf(context);
	if (acceptedHere.delete(`${node} ${digest(key)}`)) return false;
	if (onlyReceiver(node, receiverOf(input), Date.now())) return false;
	if (typeof context.helpers.checkProcessedAndRecord !== 'function') return false;
	return await deliveredBefore(context, node, key);
}
