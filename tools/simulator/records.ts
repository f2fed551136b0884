import { fieldSpec } from './fields';
import type { RecordChange } from './notifier';
import { validateInput } from './recordInput';
import { project } from './recordView';
import { touchRelated, unlinkAll } from './associations';
import { RECORD_MODULES, newRecord } from './seed';
import type { SimulatorState } from './state';
import type { BiginRecord, Json, JsonObject } from './types';
import { ApiError, errorEntry } from './types';

const MAX_RECORDS_PER_CALL = 100;

export interface WriteResult {
	status: number;
	body: JsonObject;
	/** What the call changed, one entry per operation, for the notifications it causes. */
	changes: RecordChange[];
}

export function moduleRecords(state: SimulatorState, module: string): Map<string, BiginRecord> {
	const records = state.records.get(module);
	if (!RECORD_MODULES.includes(module) || !records) {
		throw new ApiError(
			400,
			errorEntry('INVALID_MODULE', 'the module name given seems to be invalid', {
				resource_path_index: 0,
			}),
		);
	}
	return records;
}

export function isObject(value: Json | undefined): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `fields` query parameter as a list: required where Bigin requires it, at most 50 names.
 * Under `refuseUnlistableFields`, a read of records (`module` given) refuses the fields Bigin
 * cannot list (CTI_Entry, Call_Status, Associated_Products, Secondary_Contacts, Participants).
 */
export function requestedFields(
	query: Record<string, string>,
	required: boolean,
	refusal?: { state: SimulatorState; module: string },
): string[] | undefined {
	if (!query.fields) {
		if (!required) return undefined;
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
	if (refusal?.state.config.refuseUnlistableFields) {
		const refused = fields.find((field) => fieldSpec(refusal.module, field)?.unlistable);
		if (refused) {
			throw new ApiError(
				400,
				errorEntry('INVALID_DATA', 'the field cannot be fetched in a list or record read', {
					api_name: refused,
					param: 'fields',
				}),
			);
		}
	}
	return fields;
}

/** GET /{Module}/{id}: 204 when absent; `fields` narrows it, and is required under that reading. */
export function getRecord(
	state: SimulatorState,
	module: string,
	id: string,
	query: Record<string, string> = {},
): { status: number; body?: JsonObject } {
	const records = moduleRecords(state, module);
	const fields = requestedFields(query, state.config.singleRecordRequiresFields, { state, module });
	const record = records.get(id);
	return record
		? { status: 200, body: { data: [project(module, record, fields)] } }
		: { status: 204 };
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

/** A user reference as write answers show it: name and id, no email. */
function writer(value: Json): Json {
	return isObject(value) ? { name: value.name ?? null, id: value.id ?? null } : value;
}

/**
 * What a write answers about its record. As recorded, a create of a company or a product also
 * gives the record's `$approval_state`; a create of a contact, and any update, does not.
 */
function recordSummary(module: string, record: BiginRecord, created: boolean): JsonObject {
	return {
		Modified_Time: record.Modified_Time,
		Modified_By: writer(record.Modified_By),
		Created_Time: record.Created_Time,
		id: record.id,
		Created_By: writer(record.Created_By),
		...(created && module !== 'Contacts' ? { $approval_state: 'approved' } : {}),
	};
}

function statusFor(entries: JsonObject[], successStatus: number, state: SimulatorState): number {
	return entries.every((entry) => entry.status === 'success')
		? successStatus
		: state.config.itemErrorStatus;
}

/** Collects what a write call changed, one notification batch per operation, as Bigin sends them. */
class ChangeLog {
	private readonly inserted: BiginRecord[] = [];
	private readonly updated: BiginRecord[] = [];
	private readonly changedFields: Record<string, string[]> = {};

	constructor(private readonly module: string) {}

	insert(record: BiginRecord): void {
		this.inserted.push(record);
	}

	update(record: BiginRecord, fields: string[]): void {
		this.updated.push(record);
		this.changedFields[record.id] = fields;
	}

	changes(): RecordChange[] {
		return [
			{ module: this.module, operation: 'insert', records: this.inserted, changedFields: {} },
			{
				module: this.module,
				operation: 'update',
				records: this.updated,
				changedFields: this.changedFields,
			},
		].filter((change) => change.records.length > 0) as RecordChange[];
	}
}

function insertRecord(state: SimulatorState, module: string, fields: JsonObject): BiginRecord {
	const record = newRecord(module, state.nextRecordId(), fields, state.formatDate(state.now()));
	moduleRecords(state, module).set(record.id, record);
	touchRelated(state, module, record);
	return record;
}

/**
 * An update: the new values, Modified_Time and, on modules that have it, Last_Activity_Time (Zoho:
 * the time the record was last modified or had an activity).
 */
function applyUpdate(
	state: SimulatorState,
	module: string,
	record: BiginRecord,
	fields: JsonObject,
): string[] {
	const changed = Object.keys(fields).filter(
		(field) => JSON.stringify(record[field]) !== JSON.stringify(fields[field]),
	);
	const now = state.formatDate(state.now());
	Object.assign(record, fields, { Modified_Time: now });
	if (fieldSpec(module, 'Last_Activity_Time')) record.Last_Activity_Time = now;
	touchRelated(state, module, record);
	return changed;
}

function success(
	module: string,
	record: BiginRecord,
	message: string,
	extra: JsonObject = {},
): JsonObject {
	const created = message === 'record added';
	return {
		code: 'SUCCESS',
		...extra,
		details: recordSummary(module, record, created),
		message,
		status: 'success',
	};
}

export function createRecords(state: SimulatorState, module: string, body: Json): WriteResult {
	moduleRecords(state, module);
	const log = new ChangeLog(module);
	const entries = dataArray(body).map((input, index): JsonObject => {
		const outcome = validateInput(state, module, input, index);
		if ('error' in outcome) return outcome.error;
		const record = insertRecord(state, module, outcome.fields);
		log.insert(record);
		return success(module, record, 'record added');
	});
	return {
		status: statusFor(entries, 201, state),
		body: { data: entries },
		changes: log.changes(),
	};
}

export function updateRecords(
	state: SimulatorState,
	module: string,
	body: Json,
	pathId?: string,
): WriteResult {
	const records = moduleRecords(state, module);
	const log = new ChangeLog(module);
	const entries = dataArray(body).map((input, index): JsonObject => {
		const id = pathId ?? (isObject(input) ? input.id : undefined);
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
		const outcome = validateInput(state, module, input, index, record);
		if ('error' in outcome) return outcome.error;
		log.update(record, applyUpdate(state, module, record, outcome.fields));
		return success(module, record, 'record updated');
	});
	return {
		status: statusFor(entries, 200, state),
		body: { data: entries },
		changes: log.changes(),
	};
}

/** Zoho's system-defined duplicate check fields, used when an upsert names none. */
const DEFAULT_DUPLICATE_CHECK: Record<string, string[]> = {
	Contacts: ['Email'],
	Accounts: ['Account_Name'],
	Pipelines: ['Deal_Name'],
	Products: ['Product_Name'],
};

function sameValue(a: Json, b: Json): boolean {
	if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
	if (isObject(a) && isObject(b)) return a.id !== undefined && String(a.id) === String(b.id);
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * POST /{Module}/upsert: per record, the first duplicate check field whose value matches an
 * existing record makes it an update; otherwise an insert. Each entry says which (`action`).
 */
export function upsertRecords(state: SimulatorState, module: string, body: Json): WriteResult {
	const records = moduleRecords(state, module);
	const data = dataArray(body);
	const named = isObject(body) ? body.duplicate_check_fields : undefined;
	if (
		named !== undefined &&
		(!Array.isArray(named) ||
			named.some((field) => typeof field !== 'string' || !fieldSpec(module, field)))
	) {
		throw new ApiError(
			400,
			errorEntry('INVALID_DATA', 'invalid duplicate check field', {
				api_name: 'duplicate_check_fields',
				json_path: '$.duplicate_check_fields',
			}),
		);
	}
	const checkFields = (named as string[] | undefined) ?? DEFAULT_DUPLICATE_CHECK[module] ?? [];
	const log = new ChangeLog(module);
	const entries = data.map((input, index): JsonObject => {
		let duplicateField: string | null = null;
		let existing: BiginRecord | undefined;
		for (const field of checkFields) {
			const value = isObject(input) ? input[field] : undefined;
			if (value === undefined || value === null || value === '') continue;
			existing = [...records.values()].find((record) => sameValue(record[field], value));
			if (existing) {
				duplicateField = field;
				break;
			}
		}
		const outcome = validateInput(state, module, input, index, existing);
		if ('error' in outcome) return outcome.error;
		if (existing) {
			log.update(existing, applyUpdate(state, module, existing, outcome.fields));
			return success(module, existing, 'record updated', {
				duplicate_field: duplicateField,
				action: 'update',
			});
		}
		const record = insertRecord(state, module, outcome.fields);
		log.insert(record);
		return success(module, record, 'record added', { duplicate_field: null, action: 'insert' });
	});
	return {
		status: statusFor(entries, 200, state),
		body: { data: entries },
		changes: log.changes(),
	};
}

/**
 * DELETE /{Module}/{id} or ?ids=: per-id results. Deleted ids are remembered (Bigin's recycle
 * bin): under `deletedRecordDelete: 'recordNotDeleted'`, a call whose every id was deleted before
 * (a retried DELETE) answers HTTP 400 with Zoho's `record not deleted` per id.
 */
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
	const tombstones = state.deletedIds.get(module) ?? new Set<string>();
	state.deletedIds.set(module, tombstones);
	if (
		state.config.deletedRecordDelete === 'recordNotDeleted' &&
		ids.every((id) => !records.has(id) && tombstones.has(id))
	) {
		throw new ApiError(400, {
			data: ids.map((id) => errorEntry('INVALID_DATA', 'record not deleted', { id })),
		});
	}
	const deleted: BiginRecord[] = [];
	const entries = ids.map((id): JsonObject => {
		const record = records.get(id);
		if (!record)
			return errorEntry('INVALID_DATA', 'the id given seems to be invalid', { api_name: 'id', id });
		records.delete(id);
		tombstones.add(id);
		unlinkAll(state, module, id);
		deleted.push(record);
		return { code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' };
	});
	return {
		status: statusFor(entries, 200, state),
		body: { data: entries },
		changes: [{ module, operation: 'delete', records: deleted, changedFields: {} }],
	};
}
