import type { IDataObject, INode, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nodeKeyOf, notice } from './notices';
import type { Refusal } from './verify';

/** Refusals of calls that look like Bigin's that last this long, with none accepted, are shown as a failed execution. */
export const PERSISTENT_REFUSAL_MS = 2 * 60 * 1000;

/** Why such refusals happen, and what fixes them. */
export const REFUSAL_CAUSES: Record<Refusal, { cause: string; fix: string }> = {
	'token mismatch': {
		cause:
			"the credential's Client Secret was changed after the channel was registered, or the channel's token was changed in Bigin",
		fix: 'Re-publish the workflow (deactivate and activate it) to register the channel with the token the current Client Secret gives; otherwise the trigger repairs the channel at its next check, within 6 hours.',
	},
	'stale channel': {
		cause:
			"the channel was registered by an n8n process whose webhook URL differs from this one's (WEBHOOK_URL, or N8N_PROTOCOL, N8N_HOST, N8N_PORT, N8N_PATH), and this copy of the workflow's static data no longer holds it",
		fix: 'Give every n8n process (main and webhook processors) the same WEBHOOK_URL, then re-publish the workflow.',
	},
	'no Client Secret': {
		cause:
			'the credential has no Client Secret, from which the trigger derives the verification token',
		fix: 'Enter the Client Secret in the Bigin credential, then re-publish the workflow.',
	},
};

/** What the webhook hands to the execution it starts to show a persistent refusal. */
export interface RefusalReport extends IDataObject {
	refusal: Refusal;
	channelId: string;
	refusedCalls: number;
	/** When the refusals began, ISO 8601. */
	since: string;
}

const REPORT_FIELD = 'biginTriggerRefusal';

interface Incident {
	since: number;
	refusedCalls: number;
	reported: boolean;
}

/** Per node, in this process: refusals since the last accepted call. */
const incidents = new Map<string, Incident>();

/**
 * Notes a refused call that looks like Bigin's for this node: a warning (at most one a minute),
 * and, once such refusals have lasted PERSISTENT_REFUSAL_MS with no call accepted, a report to show
 * once as a failed execution. Each process that receives notifications keeps its own count.
 */
export function noteRefusal(
	context: IWebhookFunctions,
	refusal: Refusal,
	channelId: string,
	details: IDataObject = {},
): RefusalReport | undefined {
	const key = nodeKeyOf(context);
	const now = Date.now();
	const incident = incidents.get(key) ?? { since: now, refusedCalls: 0, reported: false };
	incident.refusedCalls += 1;
	incidents.set(key, incident);
	const { cause, fix } = REFUSAL_CAUSES[refusal];
	notice(
		context,
		'refused',
		'warn',
		`Bigin Trigger: refused a notification for this workflow's channel (${refusal}): likely ${cause}. ${fix}`,
		{ reason: refusal, channelId, ...details, refusedCalls: incident.refusedCalls },
	);
	if (incident.reported || now - incident.since < PERSISTENT_REFUSAL_MS) return undefined;
	if (context.getMode() === 'manual') return undefined;
	incident.reported = true;
	return {
		refusal,
		channelId,
		refusedCalls: incident.refusedCalls,
		since: new Date(incident.since).toISOString(),
	};
}

/** A call was accepted: whatever was refused before is over. */
export function noteAcceptance(context: IWebhookFunctions): void {
	incidents.delete(nodeKeyOf(context));
}

export function reportItems(report: RefusalReport): INodeExecutionData[] {
	return [{ json: { [REPORT_FIELD]: report } }];
}

export function refusalReportOf(items: INodeExecutionData[]): RefusalReport | undefined {
	const report = items[0]?.json?.[REPORT_FIELD] as RefusalReport | undefined;
	return report && REFUSAL_CAUSES[report.refusal] ? report : undefined;
}

/** The failed execution's error: what has been refused, since when, the likely cause and the fix. */
export function refusalError(node: INode, report: RefusalReport): NodeOperationError {
	const { cause, fix } = REFUSAL_CAUSES[report.refusal];
	return new NodeOperationError(
		node,
		`Bigin notifications for this workflow are being refused (${report.refusal}): ${report.refusedCalls} since ${report.since}`,
		{
			description: `Likely cause: ${cause}. ${fix} Until then no notification starts this workflow. The n8n log holds a warning a minute while it lasts.`,
		},
	);
}
