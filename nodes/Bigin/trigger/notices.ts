import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

/** A flood of calls must not flood the log: one line a minute per workflow and kind of notice. */
export const NOTICE_INTERVAL_MS = 60_000;

type NodeContext = IWebhookFunctions | IExecuteFunctions;

/** When each kind of notice was last logged for a node, and how many were held back since. */
const lastLines = new Map<string, { at: number; heldBack: number }>();

/** The node in this process's memory: its workflow and node id. */
export function nodeKeyOf(context: NodeContext): string {
	const node = context.getNode();
	return `${context.getWorkflow().id ?? ''}/${node.id ?? node.name}`;
}

/**
 * Logs a notice, unless one of its kind was logged for this node within the last minute; the next
 * line says how many were held back meanwhile. Per process: each n8n process logs its own.
 */
export function notice(
	context: NodeContext,
	kind: string,
	level: 'info' | 'warn',
	message: string,
	meta: IDataObject,
): void {
	const key = `${nodeKeyOf(context)}/${kind}`;
	const now = Date.now();
	const last = lastLines.get(key);
	if (last && now - last.at < NOTICE_INTERVAL_MS) {
		last.heldBack += 1;
		return;
	}
	lastLines.set(key, { at: now, heldBack: 0 });
	context.logger[level](message, {
		workflowId: context.getWorkflow().id,
		node: context.getNode().name,
		...meta,
		...(last && last.heldBack > 0 && { moreSinceTheLastLine: last.heldBack }),
	});
}
