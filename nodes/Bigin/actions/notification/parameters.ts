import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { randomChannelId } from '../../shared/channelIdentity';
import { collectEvents } from '../../shared/events';
import type { ExpiryChoice } from '../../shared/expiry';
import { resolveExpiry } from '../../shared/expiry';
import {
	channelIdProblem,
	eventsProblem,
	notifyUrlProblem,
	tokenProblem,
} from '../../shared/validation';
import { refuseIfProblem } from '../shared/validation';

export function readChannelId(
	context: IExecuteFunctions,
	itemIndex: number,
	generateIfEmpty = false,
): string {
	const channelId = String(context.getNodeParameter('channelId', itemIndex, '')).trim();
	if (channelId === '' && generateIfEmpty) return randomChannelId();
	refuseIfProblem(context, itemIndex, channelIdProblem(channelId));
	return channelId;
}

export function readChannelIds(context: IExecuteFunctions, itemIndex: number): string[] {
	const raw = context.getNodeParameter('channelIds', itemIndex, '') as string | string[] | number;
	const ids = (Array.isArray(raw) ? raw : String(raw).split(','))
		.map((id) => String(id).trim())
		.filter(Boolean);
	if (ids.length === 0)
		refuseIfProblem(
			context,
			itemIndex,
			'Channel IDs is empty: enter one or more channel IDs, separated by commas',
		);
	for (const id of ids) refuseIfProblem(context, itemIndex, channelIdProblem(id));
	return [...new Set(ids)];
}

export function readEvents(context: IExecuteFunctions, itemIndex: number): string[] {
	const picked = context.getNodeParameter('events', itemIndex, []) as string[];
	const typed = context.getNodeParameter('customEvents', itemIndex, '') as string | string[];
	const events = collectEvents(picked, typed);
	refuseIfProblem(context, itemIndex, eventsProblem(events));
	return events;
}

export function readNotifyUrl(context: IExecuteFunctions, itemIndex: number): string {
	const url = String(context.getNodeParameter('notifyUrl', itemIndex, '')).trim();
	refuseIfProblem(context, itemIndex, notifyUrlProblem(url));
	return url;
}

/** The token as typed; empty means "not given", and each operation decides what that implies. */
export function readToken(context: IExecuteFunctions, itemIndex: number): string | undefined {
	const token = String(context.getNodeParameter('token', itemIndex, ''));
	if (token === '') return undefined;
	refuseIfProblem(context, itemIndex, tokenProblem(token));
	return token;
}

export function readExpiry(context: IExecuteFunctions, itemIndex: number): string {
	const type = context.getNodeParameter('expiryType', itemIndex, 'hours') as ExpiryChoice['type'];
	const choice: ExpiryChoice =
		type === 'dateTime'
			? { type, value: context.getNodeParameter('expiresAt', itemIndex, '') }
			: { type, hours: Number(context.getNodeParameter('expiresInHours', itemIndex, 23)) };
	const result = resolveExpiry(choice, DateTime.now().setZone(context.getTimezone()));
	refuseIfProblem(context, itemIndex, result.problem);
	return result.expiry as string;
}

export function readChannelOptions(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = context.getNodeParameter('options', itemIndex, {}) as {
		notifyOnRelatedAction?: boolean;
		includeChangedValues?: boolean;
	};
	return {
		notify_on_related_action: options.notifyOnRelatedAction ?? false,
		return_affected_field_values: options.includeChangedValues ?? false,
	};
}
