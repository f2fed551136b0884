import type { RecordChange } from './notifier';
import { MODULE_SCHEMAS, SIM_USER, WATCHABLE_MODULES } from './seed';
import type { SimulatorState } from './state';
import type { BiginRecord, Json, JsonObject } from './types';
import { ApiError, errorEntry } from './types';

const MAX_RECORDS_PER_CALL = 100;
const READ_ONLY_FIELDS = new Set(['id', 'Created_Time', 'Modified_Time', 'Owner']);

export interface WriteResult {
	status: number;
	body: JsonObject;
	change: RecordChange;
}

export function moduleRecords(state: SimulatorState, module: string): Map<string, BiginRecord> {
	const records = state.records.get(module);
	if (!WATCHABLE_MODULES.includes(module) || !records) {
		throw new ApiError(
			400,
			errorEntry('INVALID_MODULE', 'the module name given seems to be invalid', {
				resource_path_index: 0,
			}),
		);
	}
	return records;
}

export function getRecord(
	state: SimulatorState,
	module: string,
	id: string,
): { status: number; body?: JsonObject } {
	const record = moduleRecords(state, module).get(id);
	return record ? { status: 200, body: { data: [record] } } : { status: 204 };
}

/** GET /{Module}: v2 insists on `fields`; pages of at most 200. */
export function listRecords(
	state: SimulatorState,
	module: string,
	query: Record<string, string>,
): { status: number; body?: JsonObject } {
	const records = moduleRecords(state, module);
	if (!query.fields) {
		throw new ApiError(
			400,
			errorEntry('REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', {
				param: 'fields',
			}),
		);
	}
	const fields = query.fields
		.split(',')
		.map((field) => field.trim())
		.filter(Boolean);
	if (fields.length > 50) {
		throw new ApiError(
			400,
			errorEntry('LIMIT_EXCEEDED', 'at most 50 fields can be requested', {
				param: 'fields',
				limit: 50,
			}),
		);
	}
	const page = Number(query.page ?? 1);
	const perPage = Number(query.per_page ?? 200);
	if (
		!Number.isInteger(page) ||
		page < 1 ||
		!Number.isInteger(perPage) ||
		perPage < 1 ||
		perPage > 200
	) {
		throw new ApiError(
			400,
			errorEntry('INVALID_DATA', 'invalid data', {
				param: Number.isInteger(page) && page >= 1 ? 'per_page' : 'page',
			}),
		);
	}
	const all = [...records.values()];
	const slice = all.slice((page - 1) * perPage, page * perPage);
	if (slice.length === 0) return { status: 204 };
	return {
		status: 200,
		body: {
			data: slice.map((record) =>
				Object.fromEntries([
					['id', record.id],
					...fields.map((field) => [field, record[field] ?? null]),
				]),
			),
			info: {
				per_page: perPage,
				count: slice.length,
				page,
				more_records: all.length > page * perPage,
			},
		},
	};
}

function dataArray(body: Json): Json[] {
	if (
		typeof body !== 'object' ||
		body === null ||
		Array.isArray(body) ||
		!Array.isArray(body.data)
	) {
		throw new ApiError(
			400,
			errorEntry('MANDATORY_NOT_FOUND', 'required field not found', {
				api_name: 'data',
				json_path: '$.data',
			}),
		);
	}
	if (body.data.length === 0) {
		throw new ApiError(
			400,
			errorEntry('INVALID_DATA', 'invalid data', { api_name: 'data', json_path: '$.data' }),
		);
	}
	if (body.data.length > MAX_RECORDS_PER_CALL) {
		throw new ApiError(
			400,
			errorEntry(
				'LIMIT_EXCEEDED',
				`at most ${MAX_RECORDS_PER_CALL} records can be sent in one call`,
				{ api_name: 'data', limit: MAX_RECORDS_PER_CALL },
			),
		);
	}
	return body.data;
}

function writableFields(input: JsonObject): JsonObject {
	return Object.fromEntries(
		Object.entries(input).filter(([field]) => !READ_ONLY_FIELDS.has(field)),
	);
}

function recordSummary(record: BiginRecord): JsonObject {
	return {
		Modified_Time: record.Modified_Time,
		Modified_By: { id: SIM_USER.id, name: SIM_USER.name },
		Created_Time: record.Created_Time,
		id: record.id,
		Created_By: { id: SIM_USER.id, name: SIM_USER.name },
	};
}

function statusFor(entries: JsonObject[], successStatus: number, state: SimulatorState): number {
	return entries.every((entry) => entry.status === 'success')
		? successStatus
		: state.config.itemErrorStatus;
}

export function createRecords(state: SimulatorState, module: string, body: Json): WriteResult {
	const records = moduleRecords(state, module);
	const mandatory = MODULE_SCHEMAS[module].mandatory;
	const created: BiginRecord[] = [];
	const entries = dataArray(body).map((input, index): JsonObject => {
		if (typeof input !== 'object' || input === null || Array.isArray(input)) {
			return errorEntry('INVALID_DATA', 'invalid data', { json_path: `$.data[${index}]` });
		}
		if (input[mandatory] === undefined || input[mandatory] === null || input[mandatory] === '') {
			return errorEntry('MANDATORY_NOT_FOUND', 'required field not found', {
				api_name: mandatory,
				json_path: `$.data[${index}].${mandatory}`,
			});
		}
		const now = state.formatDate(state.now());
		const record: BiginRecord = {
			id: state.nextRecordId(),
			...writableFields(input),
			Owner: { id: SIM_USER.id, name: SIM_USER.name, email: SIM_USER.email },
			Created_Time: now,
			Modified_Time: now,
		};
		records.set(record.id, record);
		created.push(record);
		return {
			code: 'SUCCESS',
			details: recordSummary(record),
			message: 'record added',
			status: 'success',
		};
	});
	return {
		status: statusFor(entries, 201, state),
		body: { data: entries },
		change: { module, operation: 'insert', records: created, changedFields: {} },
	};
}

export function updateRecords(
	state: SimulatorState,
	module: string,
	body: Json,
	pathId?: string,
): WriteResult {
	const records = moduleRecords(state, module);
	const updated: BiginRecord[] = [];
	const changedFields: Record<string, string[]> = {};
	const entries = dataArray(body).map((input, index): JsonObject => {
		if (typeof input !== 'object' || input === null || Array.isArray(input)) {
			return errorEntry('INVALID_DATA', 'invalid data', { json_path: `$.data[${index}]` });
		}
		const id = pathId ?? input.id;
		if (id === undefined || id === null || id === '') {
			return errorEntry('MANDATORY_NOT_FOUND', 'required field not found', {
				api_name: 'id',
				json_path: `$.data[${index}].id`,
			});
		}
		const record = records.get(String(id));
		if (!record) {
			return errorEntry('INVALID_DATA', 'the id given seems to be invalid', {
				api_name: 'id',
				json_path: `$.data[${index}].id`,
			});
		}
		const fields = writableFields(input);
		const changed = Object.keys(fields).filter(
			(field) => JSON.stringify(record[field]) !== JSON.stringify(fields[field]),
		);
		Object.assign(record, fields, { Modified_Time: state.formatDate(state.now()) });
		changedFields[record.id] = changed;
		updated.push(record);
		return {
			code: 'SUCCESS',
			details: recordSummary(record),
			message: 'record updated',
			status: 'success',
		};
	});
	return {
		status: statusFor(entries, 200, state),
		body: { data: entries },
		change: { module, operation: 'update', records: updated, changedFields },
	};
}

export function deleteRecords(state: SimulatorState, module: string, ids: string[]): WriteResult {
	const records = moduleRecords(state, module);
	if (ids.length === 0) {
		throw new ApiError(
			400,
			errorEntry('MANDATORY_NOT_FOUND', 'required param not found', { param: 'ids' }),
		);
	}
	if (ids.length > MAX_RECORDS_PER_CALL) {
		throw new ApiError(
			400,
			errorEntry(
				'LIMIT_EXCEEDED',
				`at most ${MAX_RECORDS_PER_CALL} records can be deleted in one call`,
				{ param: 'ids', limit: MAX_RECORDS_PER_CALL },
			),
		);
	}
	const deleted: BiginRecord[] = [];
	const entries = ids.map((id): JsonObject => {
		const record = records.get(id);
		if (!record)
			return errorEntry('INVALID_DATA', 'the id given seems to be invalid', { api_name: 'id', id });
		records.delete(id);
		deleted.push(record);
		return { code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' };
	});
	return {
		status: statusFor(entries, 200, state),
		body: { data: entries },
		change: { module, operation: 'delete', records: deleted, changedFields: {} },
	};
}
