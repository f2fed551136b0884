import type { FieldSpec } from './fields';
import {
	MODULE_FIELDS,
	NAME_FIELD,
	fieldSpec,
	lookupModuleOf,
	mandatoryFields,
	moduleKeyOf,
	writable,
} from './fields';
import { teamPipelineById, teamPipelineByName, teamPipelineOfSubPipeline } from './pipelines';
import { fullName, userReference } from './seed';
import { activeUser } from './users';
import type { SimulatorState } from './state';
import type { BiginRecord, Json, JsonObject } from './types';
import { errorEntry } from './types';

/** Either the fields to store, or the per-record error Bigin answers with. */
export type InputOutcome = { fields: JsonObject } | { error: JsonObject };

class FieldError extends Error {
	constructor(readonly entry: JsonObject) {
		super(String(entry.code));
	}
}

function invalid(field: FieldSpec, path: string, extra: JsonObject = {}): FieldError {
	return new FieldError(
		errorEntry('INVALID_DATA', 'invalid data', {
			api_name: field.api_name,
			json_path: path,
			expected_data_type: field.data_type,
			...extra,
		}),
	);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2}|Z)$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

function isObject(value: Json): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validDate(value: string): boolean {
	return !Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value));
}

/** Where a value goes: the field of which module, at which JSON path of which input record. */
interface Target {
	state: SimulatorState;
	module: string;
	field: FieldSpec;
	path: string;
	input: JsonObject;
}

/** Checks one value against its field's data type; answers the value Bigin stores. */
function coerce(value: Json, target: Target): Json {
	const { field, path } = target;
	if (value === null) return null;
	if (field.json_type === 'jsonarray' && field.data_type === 'text')
		return tagsValue(value, target);
	switch (field.data_type) {
		case 'profileimage':
		case 'text':
		case 'textarea':
		case 'phone':
		case 'website':
		case 'picklist':
		case 'email':
			if (typeof value !== 'string') throw invalid(field, path);
			if (field.length !== undefined && value.length > field.length)
				throw invalid(field, path, { maximum_length: field.length });
			if (field.data_type === 'email' && value !== '' && !EMAIL.test(value))
				throw invalid(field, path);
			return value;
		case 'integer':
		case 'bigint':
			if (typeof value === 'number' && Number.isInteger(value)) return value;
			if (typeof value === 'string' && INTEGER.test(value)) return Number(value);
			throw invalid(field, path);
		case 'double':
		case 'currency':
			if (typeof value === 'number' && Number.isFinite(value)) return value;
			if (typeof value === 'string' && DECIMAL.test(value)) return Number(value);
			throw invalid(field, path);
		case 'boolean':
			if (typeof value !== 'boolean') throw invalid(field, path);
			return value;
		case 'date':
			if (typeof value !== 'string' || !DATE.test(value) || !validDate(value))
				throw invalid(field, path);
			return value;
		case 'datetime':
			if (typeof value !== 'string' || !DATETIME.test(value) || !validDate(value))
				throw invalid(field, path);
			return value;
		case 'multiselectpicklist':
			if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string'))
				throw invalid(field, path);
			return value;
		case 'ownerlookup': {
			const id = isObject(value) ? value.id : value;
			const user = activeUser(String(id));
			if (!user) throw invalid(field, path, { id: id ?? null });
			return userReference(user);
		}
		case 'lookup':
			return lookupValue(value, target);
		case 'subform':
		case 'multiselectlookup':
			throw invalid(field, path);
	}
}

/**
 * Tags are written as `[{ name }]` and read as `[{ name, id, color_code }]` (recorded): a new
 * name becomes one of the org's tags, with an id of its own.
 */
function tagsValue(value: Json, { state, field, path }: Target): Json {
	if (
		!Array.isArray(value) ||
		value.some((entry) => !isObject(entry) || typeof entry.name !== 'string' || !entry.name.trim())
	)
		throw invalid(field, path, { expected_data_type: 'jsonarray' });
	const names = [...new Set(value.map((entry) => String((entry as JsonObject).name).trim()))];
	return names.map((name) => {
		if (!state.tags.has(name)) state.tags.set(name, state.nextRecordId());
		return { name, id: state.tags.get(name) ?? null, color_code: null };
	});
}

/** Lookups are written as `{ id }` (or the bare id) and stored as `{ name, id }`. */
function lookupValue(value: Json, { state, field, path, input }: Target): Json {
	if (field.lookup === 'Layouts') {
		const pipeline = isObject(value)
			? value.id !== undefined && value.id !== null
				? teamPipelineById(String(value.id))
				: teamPipelineByName(String(value.name ?? ''))
			: undefined;
		if (!pipeline) throw invalid(field, path, { expected_data_type: 'jsonobject' });
		return { name: pipeline.name, id: pipeline.id };
	}
	const id = isObject(value) ? value.id : value;
	if (typeof id !== 'string' && typeof id !== 'number') throw invalid(field, path);
	const lookupModule = lookupModuleOf(field, input);
	if (lookupModule === undefined && field.moduleKey) {
		throw new FieldError(
			errorEntry('MANDATORY_NOT_FOUND', 'required field not found', {
				api_name: field.moduleKey,
				json_path: path.replace(field.api_name, field.moduleKey),
			}),
		);
	}
	const record = state.records.get(String(lookupModule))?.get(String(id));
	if (!record) {
		throw new FieldError(
			errorEntry('INVALID_DATA', 'the related id given seems to be invalid', {
				api_name: field.api_name,
				json_path: path,
				id: String(id),
			}),
		);
	}
	return { name: record[NAME_FIELD[String(lookupModule)]] ?? null, id: record.id };
}

/** The module a `$se_module` or `$related_module` names: one its lookup may point to. */
function relatedModule(module: string, value: Json, path: string): Json {
	const field = MODULE_FIELDS[module].find((candidate) => candidate.moduleKey);
	if (value === null || (typeof value === 'string' && field?.modules?.includes(value)))
		return value;
	throw new FieldError(
		errorEntry('INVALID_DATA', 'invalid data', {
			api_name: String(field?.moduleKey),
			json_path: path,
			supported_values: field?.modules ?? [],
		}),
	);
}

/** Team Pipeline, Sub-Pipeline and Stage must fit together: the stage must be one of the sub-pipeline's. */
function checkPipelinePlacement(
	merged: JsonObject,
	changed: JsonObject,
	index: number,
): JsonObject {
	const subPipeline = String(merged.Sub_Pipeline ?? '');
	const chosen = isObject(changed.Pipeline)
		? teamPipelineById(String(changed.Pipeline.id))
		: undefined;
	const pipeline =
		chosen ??
		(changed.Sub_Pipeline !== undefined ? teamPipelineOfSubPipeline(subPipeline) : undefined) ??
		(isObject(merged.Pipeline) ? teamPipelineById(String(merged.Pipeline.id)) : undefined) ??
		teamPipelineOfSubPipeline(subPipeline);
	const sub = pipeline?.subPipelines.find((candidate) => candidate.name === subPipeline);
	if (!pipeline || !sub) {
		throw new FieldError(
			errorEntry('INVALID_DATA', "the sub-pipeline is not one of the pipeline's", {
				api_name: 'Sub_Pipeline',
				json_path: `$.data[${index}].Sub_Pipeline`,
				expected_data_type: 'picklist',
			}),
		);
	}
	if (!sub.stages.includes(String(merged.Stage))) {
		throw new FieldError(
			errorEntry('INVALID_DATA', "the stage is not one of the sub-pipeline's stages", {
				api_name: 'Stage',
				json_path: `$.data[${index}].Stage`,
				expected_data_type: 'picklist',
			}),
		);
	}
	return { Pipeline: { name: pipeline.name, id: pipeline.id } };
}

/**
 * Validates one record of a create, update or upsert against the module's fields, as Bigin does:
 * fields `view_type` keeps from writes (audit fields, Full_Name, Last_Activity_Time, …) are
 * ignored, Tag and Owner are stored, unknown fields are ignored or refused (per
 * `unknownFieldWrites`), a value of the wrong type is INVALID_DATA naming the field and its
 * `expected_data_type`. `existing` is the record an update changes (absent on create).
 */
export function validateInput(
	state: SimulatorState,
	module: string,
	input: Json,
	index: number,
	existing?: BiginRecord,
): InputOutcome {
	if (!isObject(input)) {
		return { error: errorEntry('INVALID_DATA', 'invalid data', { json_path: `$.data[${index}]` }) };
	}
	try {
		const fields: JsonObject = {};
		const moduleKey = moduleKeyOf(module);
		if (moduleKey && moduleKey in input)
			fields[moduleKey] = relatedModule(module, input[moduleKey], `$.data[${index}].${moduleKey}`);
		for (const [name, value] of Object.entries(input)) {
			if (name === moduleKey) continue;
			// `id` and Zoho's `$` system keys are never written.
			if (name === 'id' || name.startsWith('$')) continue;
			const path = `$.data[${index}].${name}`;
			const spec = fieldSpec(module, name);
			if (!spec) {
				if (state.config.unknownFieldWrites === 'ignore') continue;
				throw new FieldError(
					errorEntry('INVALID_DATA', 'the field name given seems to be invalid', {
						api_name: name,
						json_path: path,
					}),
				);
			}
			if (!writable(spec)) continue;
			fields[name] = coerce(value, { state, module, field: spec, path, input });
		}
		const merged: JsonObject = { ...(existing ?? {}), ...fields };
		for (const name of mandatoryFields(module)) {
			const missing = merged[name] === undefined || merged[name] === null || merged[name] === '';
			if (missing && (existing === undefined || name in fields)) {
				return {
					error: errorEntry('MANDATORY_NOT_FOUND', 'required field not found', {
						api_name: name,
						json_path: `$.data[${index}].${name}`,
					}),
				};
			}
		}
		if (module === 'Pipelines' && (existing === undefined || hasPlacement(fields))) {
			Object.assign(fields, checkPipelinePlacement(merged, fields, index));
		}
		if (module === 'Contacts' && ('First_Name' in fields || 'Last_Name' in fields)) {
			fields.Full_Name = fullName(merged);
		}
		return { fields };
	} catch (error) {
		if (error instanceof FieldError) return { error: error.entry };
		throw error;
	}
}

function hasPlacement(fields: JsonObject): boolean {
	return 'Pipeline' in fields || 'Sub_Pipeline' in fields || 'Stage' in fields;
}
