import type { INodeProperties, TriggerPanelDefinition } from 'n8n-workflow';

import { notifyOnRelatedActionOption } from '../shared/channelOptions';
import { eventOptions } from '../shared/events';

const SHOWN_IN_SUBTITLE = 2;

/**
 * The node's subtitle on the canvas: the picked events by their editor names, the first two and a
 * count of the rest ("Contact Created, Any Company Change +1 more").
 */
export function triggerSubtitle(): string {
	const names = JSON.stringify(
		Object.fromEntries(eventOptions().map((option) => [option.value, option.name])),
	);
	const events = '($parameter["events"] || [])';
	return `={{ ${events}.slice(0, ${SHOWN_IN_SUBTITLE}).map(e => (${names})[e] || e).join(", ") + (${events}.length > ${SHOWN_IN_SUBTITLE} ? " +" + (${events}.length - ${SHOWN_IN_SUBTITLE}) + " more" : "") }}`;
}

/** What the canvas shows under the node while it listens for a test event. */
export const WAITING_FOR_A_CHANGE = 'Waiting for you to change a record in Bigin';

/** What the editor's trigger panel says before and while listening for a test event. */
export const triggerPanel: TriggerPanelDefinition = {
	header: 'Pull in record changes from Bigin',
	executionsHelp: {
		inactive:
			"<b>While building your workflow</b>, click <i>Execute step</i>, then create, change or delete a record of a module you picked (a contact, a company…) in Bigin. The change arrives here as a test execution.<br /><br /><b>Once you're happy with your workflow</b>, publish it. Then every such change in Bigin runs the workflow; those executions show in the Executions list, not in the editor.",
		active:
			'<b>While building your workflow</b>, click <i>Execute step</i>, then create, change or delete a record of a module you picked in Bigin. The change arrives here as a test execution.<br /><br /><b>Your workflow will also run automatically</b>, since it is published: every such change in Bigin runs it, and those executions show in the Executions list, not in the editor.',
	},
	activationHint: {
		inactive:
			"Once you've finished building your workflow, publish it: it then runs on every change in Bigin, with no need to click this button.",
		active:
			'This workflow also runs on every change in Bigin (those executions show in the Executions list, not here).',
	},
};

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"Bigin calls this workflow's webhook URL (see Webhook URLs above) for every change, so that URL must be one Bigin can reach: for Zoho's Bigin, a public HTTPS address (on a self-hosted n8n, set WEBHOOK_URL). The channel is renewed automatically while the workflow is active.",
		name: 'reachabilityNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventOptions(),
		default: [],
		required: true,
		description:
			"Which record changes start the workflow. Companies are the Accounts module in Bigin's API.",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fetch Records',
				name: 'fetchRecords',
				type: 'boolean',
				default: true,
				description:
					'Whether to read each created or updated record from Bigin and output it under "record": from 3 records through the Query API (one call per 200), otherwise one call per record. Deleted records are never fetched.',
			},
			{
				displayName: 'Ignore Repeated Notifications',
				name: 'ignoreRepeats',
				type: 'boolean',
				default: true,
				description:
					'Whether to drop a notification Bigin delivers again (same channel, event, records and time) instead of running the workflow for it twice',
			},
			{
				displayName: 'Include Changed Values',
				name: 'includeChangedValues',
				type: 'boolean',
				default: false,
				description:
					'Whether Bigin should send the new values of the changed fields with each update; they are output under "affectedValues"',
			},
			notifyOnRelatedActionOption,
		],
	},
];
