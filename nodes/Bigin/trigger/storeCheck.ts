import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Notifications n8n's deduplication store remembers per trigger. It keeps them as one JSON list
 * that every check rewrites whole, so it stays small: it only has to catch a copy that reached
 * another process shortly before.
 */
export const REMEMBERED_IN_DATABASE = 100;

interface Waiting {
	context: IExecuteFunctions;
	key: string;
	settle: (delivered: boolean) => void;
}

/** Per trigger, the checks waiting for the one in flight; present while one is in flight. */
const queues = new Map<string, Waiting[]>();

/** Which of the keys the store had recorded before; each key is recorded now. */
async function recordedBefore(context: IExecuteFunctions, keys: string[]): Promise<Set<string>> {
	try {
		const { processed } = await context.helpers.checkProcessedAndRecord(keys, 'node', {
			mode: 'entries',
			maxEntries: REMEMBERED_IN_DATABASE,
		});
		return new Set(processed.map(String));
	} catch (error) {
		context.logger.warn('Bigin Trigger: could not check whether a notification is a replay', {
			error: (error as Error).message,
		});
		return new Set();
	}
}

/** Asks the store about every check that waited, in one call per round, until none waits. */
async function drain(node: string, waiting: Waiting[]): Promise<void> {
	while (waiting.length > 0) {
		const round = waiting.splice(0);
		// Any waiting execution's helpers will do: the store's row is the trigger's (workflow and node).
		const before = await recordedBefore(round[0].context, [
			...new Set(round.map(({ key }) => key)),
		]);
		const settled = new Set<string>();
		for (const { key, settle } of round) {
			settle(before.has(key) || settled.has(key));
			settled.add(key);
		}
	}
	queues.delete(node);
}

/**
 * Whether n8n's deduplication store recorded the key before (then its notification was delivered
 * before); records it either way. The executions a worker runs at once check together: while one
 * call is in flight, the keys that arrive wait and go in the next call, so under load a call
 * covers many notifications, and rewrites the trigger's one row once for all of them instead of
 * once each. Of two copies in one call, the first runs. Where the check fails, the notification
 * counts as new: a duplicate is better than a lost event.
 */
export async function deliveredBefore(
	context: IExecuteFunctions,
	node: string,
	key: string,
): Promise<boolean> {
	return await new Promise<boolean>((settle) => {
		const waiting = queues.get(node);
		if (waiting) {
			waiting.push({ context, key, settle });
			return;
		}
		const started: Waiting[] = [{ context, key, settle }];
		queues.set(node, started);
		void drain(node, started);
	});
}
