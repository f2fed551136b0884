import type { INodeProperties } from 'n8n-workflow';

import { notifyOnRelatedActionOption } from '../../shared/channelOptions';
import { eventOptions } from '../../shared/events';

export function channelIdField(required: boolean): INodeProperties {
	return {
		displayName: 'Channel ID',
		name: 'channelId',
		type: 'string',
		default: '',
		required,
		placeholder: '1735689600123',
		description: required
			? 'Digits-only ID of the channel, as given when it was enabled'
			: 'Digits-only ID for the new channel (up to 18 digits). Leave empty to generate one.',
	};
}

export const notifyUrlField: INodeProperties = {
	displayName: 'Notify URL',
	name: 'notifyUrl',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'https://example.com/bigin/callback',
	description:
		'Public URL Bigin sends each notification to (POST, JSON). A query string is allowed and comes back in the notification as query_params.',
};

export function eventFields(verb: string): INodeProperties[] {
	return [
		{
			displayName: 'Events',
			name: 'events',
			type: 'multiOptions',
			options: eventOptions(),
			default: [],
			description: `Record events to ${verb}, per module. Companies are the Accounts module in Bigin's API.`,
		},
		{
			displayName: 'Other Events',
			name: 'customEvents',
			type: 'string',
			default: '',
			placeholder: 'Contacts.create, Pipelines.edit',
			description: `More events to ${verb}, written as Module.operation (operation: create, edit, delete or all) and separated by commas. Handy with an expression, e.g. one that returns a list.`,
		},
	];
}

export const expiryFields: INodeProperties[] = [
	{
		displayName: 'Expire',
		name: 'expiryType',
		type: 'options',
		options: [
			{ name: 'In a Number of Hours', value: 'hours' },
			{ name: 'At a Date and Time', value: 'dateTime' },
		],
		default: 'hours',
		description:
			'When Bigin stops sending notifications for the channel. Bigin keeps a channel for at most one day.',
	},
	{
		displayName: 'Hours',
		name: 'expiresInHours',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 24 },
		default: 23,
		description:
			"Hours from now, 1 to 24. 24 is sent as one minute less, so that clock differences never push it past Bigin's one-day limit.",
		displayOptions: { show: { expiryType: ['hours'] } },
	},
	{
		displayName: 'Date and Time',
		name: 'expiresAt',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			"Within the next 24 hours. A time without an offset is read in the workflow's time zone.",
		displayOptions: { show: { expiryType: ['dateTime'] } },
	},
];

export function tokenField(whenEmpty: string): INodeProperties {
	return {
		displayName: 'Verification Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: `Secret (at most 50 characters) Bigin echoes in every notification so your receiver can tell real calls from forged ones. ${whenEmpty}.`,
	};
}

export const channelOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Include Changed Values',
			name: 'includeChangedValues',
			type: 'boolean',
			default: false,
			description:
				'Whether notifications carry the new values of the changed fields (affected_values); Bigin calls this return_affected_field_values',
		},
		notifyOnRelatedActionOption,
	],
};
