import type { INodeProperties } from 'n8n-workflow';

import { eventOptions } from '../shared/events';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"Bigin sends notifications to this workflow's webhook URL, so n8n must be reachable from the internet (set WEBHOOK_URL). The channel is renewed automatically while the workflow is active.",
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
					'Whether to read each created or updated record from Bigin (one API call per record) and output it under "record". Deleted records are never fetched.',
			},
			{
				displayName: 'Include Changed Values',
				name: 'includeChangedValues',
				type: 'boolean',
				default: false,
				description:
					'Whether Bigin should send the new values of the changed fields with each update; they are output under "affectedValues"',
			},
			{
				displayName: 'Notify on Related Action',
				name: 'notifyOnRelatedAction',
				type: 'boolean',
				default: false,
				description:
					'Whether a change to a related record (a note, a task) also counts as an update of the watched record',
			},
		],
	},
];
