import type { IDataObject } from 'n8n-workflow';

import { tokensMatch } from '../shared/channelIdentity';
import { CALLBACK_TO_SUBSCRIPTION } from '../shared/events';

/** The body Bigin POSTs to a channel's notify_url. */
export interface BiginNotification {
	server_time: number;
	module: string;
	ids: string[];
	operation: string;
	channel_id: string;
	token: string | null;
	affected_fields?: unknown[];
	affected_values?: Array<{ record_id?: string; values?: IDataObject }>;
}

export type Verdict =
	| { accepted: true; notification: BiginNotification }
	| { accepted: false; status: 400 | 401; reason: string };

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Decides whether a request is a genuine notification for this channel. Token and channel id are
 * checked first, so a forged body learns nothing about what else would have been expected.
 */
export function verifyNotification(
	body: unknown,
	expected: { channelId: string; token: string } | undefined,
): Verdict {
	if (!isObject(body))
		return { accepted: false, status: 400, reason: 'The body is not a Bigin notification' };
	if (!expected)
		return { accepted: false, status: 401, reason: 'No channel is registered for this webhook' };
	const tokenOk = tokensMatch(expected.token, body.token);
	const channelOk = String(body.channel_id ?? '') === expected.channelId;
	if (!tokenOk || !channelOk) {
		return { accepted: false, status: 401, reason: 'Unknown channel or wrong verification token' };
	}
	const ids = body.ids;
	const wellFormed =
		typeof body.module === 'string' &&
		typeof body.operation === 'string' &&
		CALLBACK_TO_SUBSCRIPTION[body.operation] !== undefined &&
		Array.isArray(ids) &&
		ids.length > 0 &&
		ids.every((id) => typeof id === 'string' || typeof id === 'number');
	if (!wellFormed)
		return { accepted: false, status: 400, reason: 'The body is not a Bigin notification' };
	return {
		accepted: true,
		notification: {
			...(body as unknown as BiginNotification),
			ids: (ids as unknown[]).map(String),
		},
	};
}

/** Bigin sends changed fields either per record (`[{id: [fields]}]`) or as one flat list. */
export function affectedFieldsFor(affected: unknown[] | undefined, recordId: string): string[] {
	if (!Array.isArray(affected)) return [];
	const flat = affected.filter((entry): entry is string => typeof entry === 'string');
	const perRecord = affected.filter(isObject).flatMap((entry) => {
		const fields = entry[recordId];
		return Array.isArray(fields) ? fields.map(String) : [];
	});
	return [...new Set([...flat, ...perRecord])];
}

/** One output item per affected record, in the vocabulary of the trigger's Events parameter. */
export function notificationItems(notification: BiginNotification): IDataObject[] {
	const operation = CALLBACK_TO_SUBSCRIPTION[notification.operation];
	const serverTime = Number.isFinite(notification.server_time)
		? new Date(notification.server_time).toISOString()
		: null;
	return notification.ids.map((recordId) => {
		const item: IDataObject = {
			module: notification.module,
			event: `${notification.module}.${operation}`,
			operation,
			recordId,
			affectedFields: affectedFieldsFor(notification.affected_fields, recordId),
			serverTime,
			channelId: notification.channel_id,
		};
		const values = notification.affected_values?.find(
			(entry) => String(entry.record_id) === recordId,
		)?.values;
		if (values) item.affectedValues = values;
		return item;
	});
}
