import type { SimulatorState } from './state';
import type { BiginRecord, Channel, Delivery, Json, JsonObject } from './types';
import { channelsWatching } from './watch';

export type RecordOperation = 'insert' | 'update' | 'delete';

const SUBSCRIPTION_VERB: Record<RecordOperation, string> = {
	insert: 'create',
	update: 'edit',
	delete: 'delete',
};
const DELIVERY_TIMEOUT_MS = 10_000;

export interface RecordChange {
	module: string;
	operation: RecordOperation;
	/** The records as they are after the change (before it, for deletes). */
	records: BiginRecord[];
	/** Per record id, the fields the change touched. */
	changedFields: Record<string, string[]>;
}

function queryParamsOf(notifyUrl: string): JsonObject {
	const params: JsonObject = {};
	new URL(notifyUrl).searchParams.forEach((value, key) => {
		params[key] = value;
	});
	return params;
}

/** The body Bigin POSTs to a channel's notify_url for one batch of changed records. */
export function notificationPayload(
	state: SimulatorState,
	channel: Channel,
	change: RecordChange,
): JsonObject {
	const ids = change.records.map((record) => record.id);
	const affectedFields: Json[] =
		change.operation === 'insert'
			? []
			: state.config.affectedFieldsShape === 'flat'
				? [...new Set(Object.values(change.changedFields).flat())]
				: ids.map((id) => ({ [id]: change.changedFields[id] ?? [] }));
	const payload: JsonObject = {
		server_time: state.now(),
		query_params: queryParamsOf(channel.notifyUrl),
		module: change.module,
		resource_uri: `${state.baseUrl}/bigin/v2/${change.module}`,
		ids,
		affected_fields: affectedFields,
		operation: change.operation,
		channel_id: channel.channelId,
		token: channel.token,
	};
	if (channel.returnAffectedFieldValues && change.operation !== 'insert') {
		payload.affected_values = change.records.map((record) => ({
			record_id: record.id,
			values: Object.fromEntries(
				(change.changedFields[record.id] ?? []).map((field) => [field, record[field] ?? null]),
			),
		}));
	}
	return payload;
}

export async function deliver(
	state: SimulatorState,
	channel: Channel,
	payload: JsonObject,
): Promise<void> {
	const delivery: Delivery = {
		at: state.now(),
		channelId: channel.channelId,
		url: channel.notifyUrl,
		payload,
		status: null,
	};
	state.deliveries.push(delivery);
	try {
		const response = await fetch(channel.notifyUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(payload),
			signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
		});
		delivery.response = (await response.text()).slice(0, 500);
		delivery.status = response.status;
	} catch (error) {
		delivery.error = error instanceof Error ? error.message : String(error);
	}
}

/** Sends the notification real Bigin would send, one POST per live channel watching the change. */
export async function notifyChange(state: SimulatorState, change: RecordChange): Promise<void> {
	if (change.records.length === 0) return;
	const channels = channelsWatching(state, change.module, SUBSCRIPTION_VERB[change.operation]);
	await Promise.all(
		channels.map(
			async (channel) => await deliver(state, channel, notificationPayload(state, channel, change)),
		),
	);
}
