import { key, linksOf, touch } from './associations';
import type { FieldSpec } from './fields';
import { layoutFields, lookupModuleOf } from './fields';
import { isObject, moduleRecords, requestedFields } from './records';
import { project } from './recordView';
import { RECORD_MODULES } from './seed';
import type { SimulatorState } from './state';
import type { BiginRecord, Json, JsonObject } from './types';
import { ApiError, errorEntry } from './types';

type Answer = { status: number; body?: JsonObject };

/** Modules whose records a product can be linked to, and back (Bigin's product associations). */
const LINKABLE: Record<string, string[]> = {
	Contacts: ['Products'],
	Accounts: ['Products'],
	Pipelines: ['Products'],
	Products: ['Contacts', 'Accounts', 'Pipelines'],
};

/**
 * The lookup of the related records that makes a related list (`Accounts/{id}/Contacts` by the
 * contacts' Account_Name, `Contacts/{id}/Tasks` by the tasks' Related_To): a layout field.
 */
function lookupTo(module: string, related: string): FieldSpec | undefined {
	return layoutFields(related).find(
		(field) =>
			field.data_type === 'lookup' &&
			(field.moduleKey ? field.modules?.includes(module) : field.lookup === module),
	);
}

function parentRecord(state: SimulatorState, module: string, id: string): BiginRecord {
	const record = moduleRecords(state, module).get(id);
	if (!record) {
		throw new ApiError(
			400,
			errorEntry('INVALID_DATA', 'the id given seems to be invalid', { resource_path_index: 1 }),
		);
	}
	return record;
}

function invalidRelatedList(related: string): ApiError {
	return new ApiError(
		400,
		errorEntry('INVALID_DATA', 'the related list name given seems to be invalid', {
			api_name: related,
			resource_path_index: 2,
		}),
	);
}

function positiveInteger(value: string | undefined, fallback: number, param: string): number {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < 1 || (param === 'per_page' && number > 200))
		throw new ApiError(400, errorEntry('INVALID_DATA', 'invalid data', { param }));
	return number;
}

function relatedRecords(
	state: SimulatorState,
	module: string,
	id: string,
	related: string,
): BiginRecord[] {
	const linkable = LINKABLE[module]?.includes(related);
	const lookup =
		linkable || !RECORD_MODULES.includes(related) ? undefined : lookupTo(module, related);
	if (!lookup && !linkable) throw invalidRelatedList(related);
	const records = [...moduleRecords(state, related).values()];
	if (lookup)
		return records.filter((record) => {
			const value = record[lookup.api_name];
			return (
				isObject(value) && String(value.id) === id && lookupModuleOf(lookup, record) === module
			);
		});
	const links = linksOf(state, module, id);
	return records.filter((record) => links.has(key(related, record.id)));
}

/**
 * GET /{Module}/{id}/{Related}: a record's related records, newest first, `fields` required as on
 * lists; paged by `page` and `per_page` with an `info` that, as recorded, has no sort keys.
 */
export function listRelated(
	state: SimulatorState,
	module: string,
	id: string,
	related: string,
	query: Record<string, string>,
): Answer {
	parentRecord(state, module, id);
	const matches = relatedRecords(state, module, id, related).sort((a, b) =>
		BigInt(a.id) < BigInt(b.id) ? 1 : -1,
	);
	const fields = requestedFields(query, true, { state, module: related });
	const perPage = positiveInteger(query.per_page, 200, 'per_page');
	const page = positiveInteger(query.page, 1, 'page');
	const slice = matches.slice((page - 1) * perPage, page * perPage);
	if (slice.length === 0) return { status: 204 };
	return {
		status: 200,
		body: {
			data: slice.map((record) => project(related, record, fields)),
			info: {
				per_page: perPage,
				count: slice.length,
				page,
				more_records: matches.length > page * perPage,
				next_page_token: null,
				previous_page_token: null,
				page_token_expiry: null,
			},
		},
	};
}

function linkTargets(relatedId: string | undefined, body: Json): string[] {
	if (relatedId !== undefined) return [relatedId];
	const data = isObject(body) && Array.isArray(body.data) ? body.data : [];
	const ids = data.map((entry) => (isObject(entry) ? String(entry.id ?? '') : ''));
	if (ids.length === 0 || ids.includes('')) {
		throw new ApiError(
			400,
			errorEntry('MANDATORY_NOT_FOUND', 'required field not found', {
				api_name: 'id',
				json_path: '$.data[0].id',
			}),
		);
	}
	return ids;
}

function statusOf(state: SimulatorState, entries: JsonObject[]): number {
	return entries.every((entry) => entry.status === 'success') ? 200 : state.config.itemErrorStatus;
}

/**
 * PUT /{Module}/{id}/{Related}/{relatedId} (or the ids in `data`): links a product to a contact,
 * company or pipeline record. As recorded: `relation added`, or `relation updated` when the two
 * were linked already.
 */
export function linkRelated(
	state: SimulatorState,
	module: string,
	id: string,
	related: string,
	relatedId: string | undefined,
	body: Json,
): Answer {
	const parent = parentRecord(state, module, id);
	if (!LINKABLE[module]?.includes(related)) throw invalidRelatedList(related);
	const records = moduleRecords(state, related);
	const entries = linkTargets(relatedId, body).map((target): JsonObject => {
		const record = records.get(target);
		if (!record)
			return errorEntry('INVALID_DATA', 'the related id given seems to be invalid', {
				id: target,
			});
		const links = linksOf(state, module, id);
		const existed = links.has(key(related, target));
		links.add(key(related, target));
		linksOf(state, related, target).add(key(module, id));
		touch(state, module, parent);
		touch(state, related, record);
		return {
			code: 'SUCCESS',
			details: { id: target },
			message: existed ? 'relation updated' : 'relation added',
			status: 'success',
		};
	});
	return { status: statusOf(state, entries), body: { data: entries } };
}

/** DELETE /{Module}/{id}/{Related}/{relatedId} (or `?ids=`): `relation removed`, as recorded. */
export function unlinkRelated(
	state: SimulatorState,
	module: string,
	id: string,
	related: string,
	relatedId: string | undefined,
	query: Record<string, string>,
): Answer {
	const parent = parentRecord(state, module, id);
	if (!LINKABLE[module]?.includes(related)) throw invalidRelatedList(related);
	const targets =
		relatedId !== undefined
			? [relatedId]
			: (query.ids ?? '')
					.split(',')
					.map((value) => value.trim())
					.filter(Boolean);
	if (targets.length === 0) {
		throw new ApiError(
			400,
			errorEntry('MANDATORY_NOT_FOUND', 'required param not found', { param: 'ids' }),
		);
	}
	const entries = targets.map((target): JsonObject => {
		linksOf(state, module, id).delete(key(related, target));
		linksOf(state, related, target).delete(key(module, id));
		touch(state, module, parent);
		touch(state, related, moduleRecords(state, related).get(target));
		return {
			code: 'SUCCESS',
			details: { id: target },
			message: 'relation removed',
			status: 'success',
		};
	});
	return { status: 200, body: { data: entries } };
}
