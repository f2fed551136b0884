import type { INodeProperties } from 'n8n-workflow';

/** A channel option both the trigger and the Notification resource offer, worded once. */
export const notifyOnRelatedActionOption: INodeProperties = {
	displayName: 'Notify on Related Action',
	name: 'notifyOnRelatedAction',
	type: 'boolean',
	default: false,
	description:
		'Whether a change to a related record (a note, a task) also counts as an update of the watched record',
};
