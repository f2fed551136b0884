import type { IExecuteFunctions } from 'n8n-workflow';

import type { TeamPipeline } from '../../shared/pipelines';
import { teamPipelinesFromLayouts } from '../../shared/pipelines';
import type { BiginField } from '../../transport/metadata';
import { getModuleFields, getModuleLayouts } from '../../transport/metadata';
import type { RecordReader } from '../../transport/records';
import { MAX_FIELDS_PER_READ, createRecordReader } from '../../transport/records';

const cache = new WeakMap<IExecuteFunctions, Map<string, Promise<unknown>>>();

/** Metadata is read once per execution, however many items need it. */
function once<T>(context: IExecuteFunctions, key: string, load: () => Promise<T>): Promise<T> {
	const entries = cache.get(context) ?? new Map<string, Promise<unknown>>();
	cache.set(context, entries);
	if (!entries.has(key)) entries.set(key, load());
	return entries.get(key) as Promise<T>;
}

export async function fieldsOf(context: IExecuteFunctions, module: string): Promise<BiginField[]> {
	return await once(
		context,
		`fields:${module}`,
		async () => await getModuleFields(context, module),
	);
}

export async function teamPipelinesOf(
	context: IExecuteFunctions,
	module: string,
): Promise<TeamPipeline[]> {
	return await once(context, `pipelines:${module}`, async () =>
		teamPipelinesFromLayouts(await getModuleLayouts(context, module)),
	);
}

/** The fields a read asks for when the user chose none: the module's, up to Bigin's 50. */
export async function defaultFieldNames(
	context: IExecuteFunctions,
	module: string,
): Promise<string[]> {
	const fields = await fieldsOf(context, module);
	return fields.map((field) => field.api_name).slice(0, MAX_FIELDS_PER_READ);
}

const readers = new WeakMap<IExecuteFunctions, RecordReader>();

/** One record reader per execution, so the module's field list is read at most once. */
export function recordReaderOf(context: IExecuteFunctions): RecordReader {
	const reader = readers.get(context) ?? createRecordReader(context);
	readers.set(context, reader);
	return reader;
}
