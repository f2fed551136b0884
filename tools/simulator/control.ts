import { unlinkAll } from './associations';
import type { Routed } from './route';
import { deliver, notificationPayload } from './notifier';
import type { RecordOperation } from './notifier';
import { createRecords, deleteRecords, moduleRecords, updateRecords } from './records';
import { mandatoryFields } from './fields';
import { newRecord, sampleRecord } from './seed';
import { DEFAULT_CLIENT } from './state';
import type { SimulatorState } from './state';
import type { Fault, Json, JsonObject, SimulatorConfig } from './types';
import { ApiError, DEFAULT_CONFIG, errorEntry } from './types';

function parse(raw: string): JsonObject {
	if (raw.trim() === '') return {};
	try {
		const value = JSON.parse(raw) as Json;
		if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
	} catch {
		// fall through to the error below
	}
	throw new ApiError(400, errorEntry('INVALID_DATA', 'control calls take a JSON object', {}));
}

function channelsView(state: SimulatorState): Json[] {
	return state.liveChannels().map((channel) => ({
		channel_id: channel.channelId,
		events: channel.events,
		notify_url: channel.notifyUrl,
		token: channel.token,
		channel_expiry: state.formatDate(channel.expiresAt),
		expires_in_seconds: Math.round((channel.expiresAt - state.now()) / 1000),
		notify_on_related_action: channel.notifyOnRelatedAction,
		return_affected_field_values: channel.returnAffectedFieldValues,
	}));
}

/** What a token from POST /_sim/tokens may do unless the caller names scopes: everything. */
const DEFAULT_TOKEN_SCOPES = [
	'ZohoBigin.notifications.ALL',
	'ZohoBigin.modules.ALL',
	'ZohoBigin.settings.ALL',
	'ZohoBigin.users.READ',
	'ZohoBigin.org.READ',
	'ZohoSearch.securesearch.READ',
	'ZohoBigin.coql.READ',
].join(',');

const BULK_SEED_LIMIT = 200_000;

/**
 * POST /_sim/records/{Module}/bulk {count}: adds `count` valid records at once, without
 * notifications, for paging tests (Contacts get `Last_Name: "Bulk <n>"` and so on).
 */
function bulkSeed(state: SimulatorState, module: string, body: JsonObject): Routed {
	const records = moduleRecords(state, module);
	const count = Number(body.count ?? 0);
	if (!Number.isInteger(count) || count < 1 || count > BULK_SEED_LIMIT) {
		throw new ApiError(
			400,
			errorEntry('INVALID_DATA', `count must be an integer from 1 to ${BULK_SEED_LIMIT}`, {
				api_name: 'count',
			}),
		);
	}
	const now = state.formatDate(state.now());
	const template = sampleRecord(module, '');
	const nameField = mandatoryFields(module)[0];
	const ids: string[] = [];
	for (let index = 1; index <= count; index += 1) {
		const id = state.nextRecordId();
		records.set(id, newRecord(module, id, { ...template, [nameField]: `Bulk ${index}` }, now));
		ids.push(id);
	}
	return {
		status: 200,
		body: { created: count, first_id: ids[0], last_id: ids[ids.length - 1], total: records.size },
	};
}

/** DELETE /_sim/records/{Module}: empties the module at once, without notifications. */
function clearModule(state: SimulatorState, module: string): Routed {
	const records = moduleRecords(state, module);
	const removed = records.size;
	for (const id of records.keys()) unlinkAll(state, module, id);
	records.clear();
	return { status: 200, body: { removed } };
}

const CONFIG_KEYS = new Set<keyof SimulatorConfig>(
	Object.keys(DEFAULT_CONFIG) as Array<keyof SimulatorConfig>,
);

/** The /_sim/ control surface: inspect state, change records, inject faults, move the clock. */
export async function handleControl(
	state: SimulatorState,
	method: string,
	path: string,
	query: Record<string, string>,
	raw: string,
	server: { inFlight: Set<Promise<void>> },
): Promise<Routed> {
	const body = parse(raw);
	const [, , area, module, id] = path.split('/');
	const route = `${method} ${area}`;

	if (area === 'records' && module) {
		if (method === 'POST' && id === 'bulk') return bulkSeed(state, module, body);
		if (method === 'GET')
			return { status: 200, body: { data: [...moduleRecords(state, module).values()] } };
		if (method === 'POST')
			return createRecords(state, module, Array.isArray(body.data) ? body : { data: [body] });
		if (method === 'PATCH' && id) return updateRecords(state, module, { data: [body] }, id);
		if (method === 'DELETE' && id) return deleteRecords(state, module, [id]);
		if (method === 'DELETE') return clearModule(state, module);
	}
	switch (route) {
		case 'GET state':
			return {
				status: 200,
				body: {
					now: state.formatDate(state.now()),
					clock_offset_ms: state.clockOffsetMs,
					config: { ...state.config },
					channels: channelsView(state),
					faults: state.faults.length,
				},
			};
		case 'GET channels':
			return { status: 200, body: { channels: channelsView(state) } };
		case 'GET requests':
			return {
				status: 200,
				body: { requests: state.requestLog.map((entry) => ({ ...entry })) as unknown as Json[] },
			};
		case 'DELETE requests':
			state.requestLog = [];
			return { status: 200, body: { cleared: true } };
		case 'GET deliveries':
			return {
				status: 200,
				body: {
					deliveries: state.deliveries.map((delivery) => ({ ...delivery })) as unknown as Json[],
				},
			};
		case 'DELETE deliveries':
			state.deliveries = [];
			return { status: 200, body: { cleared: true } };
		case 'POST notify':
			return await fireNotification(state, body);
		case 'POST faults': {
			const fault: Fault = {
				pathPrefix: String(body.path ?? '/bigin/'),
				method: body.method === undefined ? undefined : String(body.method).toUpperCase(),
				remaining: Number(body.count ?? 1),
				kind:
					body.kind === 'timeout'
						? 'timeout'
						: body.kind === 429 || body.kind === '429'
							? 429
							: 500,
				holdMs: Number(body.holdMs ?? 35_000),
				retryAfterSeconds:
					body.retryAfterSeconds === undefined ? undefined : Number(body.retryAfterSeconds),
				afterHandling: body.afterHandling === true,
			};
			state.faults.push(fault);
			return { status: 200, body: { faults: state.faults.length } };
		}
		case 'DELETE faults':
			state.faults = [];
			return { status: 200, body: { faults: 0 } };
		case 'POST clock':
			if (body.advanceSeconds !== undefined)
				state.clockOffsetMs += Number(body.advanceSeconds) * 1000;
			if (body.offsetSeconds !== undefined) state.clockOffsetMs = Number(body.offsetSeconds) * 1000;
			return {
				status: 200,
				body: { now: state.formatDate(state.now()), clock_offset_ms: state.clockOffsetMs },
			};
		case 'POST config':
			for (const [key, value] of Object.entries(body)) {
				if (!CONFIG_KEYS.has(key as keyof SimulatorConfig)) {
					throw new ApiError(
						400,
						errorEntry('INVALID_DATA', `unknown setting ${key}`, { api_name: key }),
					);
				}
				(state.config as unknown as Record<string, Json>)[key] = value;
			}
			return { status: 200, body: { config: { ...state.config } } };
		case 'POST tokens': {
			const scopes = String(body.scope ?? DEFAULT_TOKEN_SCOPES).split(',');
			const refreshToken = state.issueRefreshToken(DEFAULT_CLIENT.clientId, scopes);
			const accessToken = state.issueAccessToken(DEFAULT_CLIENT.clientId, scopes, refreshToken);
			return {
				status: 200,
				body: {
					access_token: accessToken,
					refresh_token: refreshToken,
					api_domain: state.baseUrl,
					token_type: 'Bearer',
					expires_in: state.config.accessTokenTtlSeconds,
					client_id: DEFAULT_CLIENT.clientId,
					client_secret: DEFAULT_CLIENT.clientSecret,
				},
			};
		}
		case 'POST expire-tokens':
			for (const grant of state.accessTokens.values()) grant.expiresAt = state.now();
			return { status: 200, body: { expired: state.accessTokens.size } };
		case 'POST settle':
			await Promise.all([...server.inFlight]);
			return { status: 200, body: { settled: true } };
		case 'POST reset':
			state.reset();
			return { status: 200, body: { reset: true } };
		default:
			void query;
			throw new ApiError(
				404,
				errorEntry('INVALID_URL_PATTERN', `no control route ${method} ${path}`, {}),
			);
	}
}

/** Sends one notification to a live channel as Bigin would, waiting for the receiver's answer. */
async function fireNotification(state: SimulatorState, body: JsonObject): Promise<Routed> {
	const channel = state.liveChannel(String(body.channel_id ?? ''));
	if (!channel)
		throw new ApiError(
			400,
			errorEntry('NOT_SUBSCRIBED', 'no live channel with this channel_id', {
				api_name: 'channel_id',
			}),
		);
	const module = String(body.module ?? channel.events[0].split('.')[0]);
	const operation = String(body.operation ?? 'insert') as RecordOperation;
	const ids = Array.isArray(body.ids)
		? body.ids.map(String)
		: [...moduleRecords(state, module).keys()].slice(0, 1);
	const records = ids.map(
		(recordId) => moduleRecords(state, module).get(recordId) ?? { id: recordId },
	);
	const changedFields = Object.fromEntries(
		ids.map((recordId) => [recordId, Array.isArray(body.fields) ? body.fields.map(String) : []]),
	);
	const payload = notificationPayload(state, channel, {
		module,
		operation,
		records,
		changedFields,
	});
	await deliver(state, channel, payload);
	const delivery = state.deliveries[state.deliveries.length - 1];
	return { status: 200, body: { status: delivery.status, error: delivery.error ?? null, payload } };
}
