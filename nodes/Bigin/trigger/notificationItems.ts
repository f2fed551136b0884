import type { IDataObject } from 'n8n-workflow';

import { CALLBACK_TO_SUBSCRIPTION } from '../shared/events';
import type { BiginNotification } from './verify';
import { isObject } from './verify';

/** Bigin sends changed fields either per record (`[{id: [fields]}]`) or as one flat list. */
export function affectedFieldsFor(affected: unknown, recordId: string): string[] {
	if (!Array.isArray(affected)) return [];
	const flat = affected.filter((entry): entry is string => typeof entry === 'string');
	const perRecord = affected.filter(isObject).flatMap((entry) => {
		const fields = entry[recordId];
		return Array.isArray(fields) ? fields.map(String) : [];
	});
	return [...new Set([...flat, ...perRecord])];
}

/**
 * A record's changed values, sent when the channel asks for them: a list of
 * `{record_id, values}` (as observed), or an object keyed by record id.
 */
export function affectedValuesFor(affected: unknown, recordId: string): IDataObject | undefined {
	const values = Array.isArray(affected)
		? affected.find((entry) => isObject(entry) && String(entry.record_id) === recordId)?.values
		: isObject(affected)
			? affected[recordId]
			: undefined;
	return isObject(values) ? values : undefined;
}

/** One output item per affected record, in the vocabulary of the trigger's Events parameter. */
export function notificationItems(notification: BiginNotification): IDataObject[] {
	const operation = CALLBACK_TO_SUBSCRIPTION[notification.operation];
	const time = new Date(notification.server_time);
	const serverTime = Number.isNaN(time.getTime()) ? null : time.toISOString();
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
		const values = affectedValuesFor(notification.affected_values, recordId);
		if (values) item.affectedValues = values;
		return item;
	});
}
