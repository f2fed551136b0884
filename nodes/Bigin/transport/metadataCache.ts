import type { BiginField, BiginLayout } from './metadata';
import { getModuleFields, getModuleLayouts } from './metadata';
import type { BiginContext } from './request';
import type { BiginUser } from './users';
import { getActiveUsers } from './users';

/** What the cache holds, by kind, each kept per module (the org's users under one key). */
interface CachedMetadata {
	/** `settings/fields`: every field of the module. */
	fields: BiginField[];
	/** `settings/layouts`: the module's layouts (for Pipelines, its Team Pipelines). */
	layouts: BiginLayout[];
	/** The module's field names in groups of 50, kept once Bigin asked a record read for them. */
	readFieldBatches: string[][];
	/** `users?type=ActiveUsers`: the users a record can be given to. */
	activeUsers: BiginUser[];
}

type Kind = keyof CachedMetadata;

/**
 * Bigin's metadata, read at most once per n8n context: one execution of a node, or one call of
 * the editor for options, however many items, records or parameters need it. Entries are
 * promises, so concurrent readers share one call; a failed read stays failed for that context.
 */
const cache = new WeakMap<BiginContext, Map<string, Promise<unknown>>>();

const keyOf = (kind: Kind, module: string) => `${kind}:${module}`;

function entriesOf(context: BiginContext): Map<string, Promise<unknown>> {
	const entries = cache.get(context) ?? new Map<string, Promise<unknown>>();
	cache.set(context, entries);
	return entries;
}

/** The cached entry, read with `load` the first time the context asks for it. */
export async function cached<K extends Kind>(
	context: BiginContext,
	kind: K,
	module: string,
	load: () => Promise<CachedMetadata[K]>,
): Promise<CachedMetadata[K]> {
	const entries = entriesOf(context);
	const key = keyOf(kind, module);
	if (!entries.has(key)) entries.set(key, load());
	return await (entries.get(key) as Promise<CachedMetadata[K]>);
}

/** Whether the context has read (or is reading) this entry. */
export function isCached(context: BiginContext, kind: Kind, module: string): boolean {
	return cache.get(context)?.has(keyOf(kind, module)) ?? false;
}

/** Every field of the module, custom ones included. */
export async function fieldsOf(context: BiginContext, module: string): Promise<BiginField[]> {
	return await cached(
		context,
		'fields',
		module,
		async () => await getModuleFields(context, module),
	);
}

/** The module's layouts with their sections and fields. */
export async function layoutsOf(context: BiginContext, module: string): Promise<BiginLayout[]> {
	return await cached(
		context,
		'layouts',
		module,
		async () => await getModuleLayouts(context, module),
	);
}

/** The org's active users: the owners a record can have. */
export async function activeUsersOf(context: BiginContext): Promise<BiginUser[]> {
	return await cached(context, 'activeUsers', 'org', async () => await getActiveUsers(context));
}
