/**
 * Which Zoho scope each Bigin call needs (Bigin's scopes page; README, Credentials), read from the
 * call's method and its path below `/bigin/v2/`. Bigin's OAUTH_SCOPE_MISMATCH never says which
 * scope is missing; this table does, for node errors, the editor's lists, the trigger and the
 * credential test alike.
 */

/** One permission a call needs: its narrowest scope, and a wider one that also grants it. */
export interface ScopeNeed {
	scope: string;
	orWider: string;
}

const LEVEL_BY_METHOD: Record<string, string> = {
	GET: 'READ',
	POST: 'CREATE',
	PUT: 'UPDATE',
	PATCH: 'UPDATE',
	DELETE: 'DELETE',
};

const levelOf = (method: string) => LEVEL_BY_METHOD[method.toUpperCase()] ?? 'ALL';

const moduleNeed = (module: string, level: string): ScopeNeed => ({
	scope: `ZohoBigin.modules.${module.toLowerCase()}.${level}`,
	orWider: 'ZohoBigin.modules.ALL',
});

const SEARCH_NEED: ScopeNeed = {
	scope: 'ZohoSearch.securesearch.READ',
	orWider: 'ZohoSearch.securesearch.ALL',
};

/** Paths whose first segment is an area of Bigin rather than a module. */
const AREA_NEEDS: Record<string, (method: string, rest: string[]) => ScopeNeed[]> = {
	actions: (method) => [
		{ scope: `ZohoBigin.notifications.${levelOf(method)}`, orWider: 'ZohoBigin.notifications.ALL' },
	],
	settings: (_method, [area = 'modules']) => [
		{ scope: `ZohoBigin.settings.${area}.READ`, orWider: 'ZohoBigin.settings.ALL' },
	],
	users: () => [{ scope: 'ZohoBigin.users.READ', orWider: 'ZohoBigin.users.ALL' }],
	org: () => [{ scope: 'ZohoBigin.org.READ', orWider: 'ZohoBigin.org.ALL' }],
	coql: () => [{ scope: 'ZohoBigin.coql.READ', orWider: 'ZohoBigin.coql.READ' }],
};

/** What a record call needs: the module's level for the method (an upsert is a POST); search needs more. */
function recordNeeds(method: string, module: string, rest: string[]): ScopeNeed[] {
	const [sub] = rest;
	if (sub === 'search') return [moduleNeed(module, 'READ'), SEARCH_NEED];
	if (sub === 'actions') return [moduleNeed(module, 'READ')];
	return [moduleNeed(module, levelOf(method))];
}

/** The scopes a call needs, from its method and its path below `/bigin/v2/` (query ignored). */
export function scopesFor(method: string, resource: string): ScopeNeed[] {
	const [first = '', ...rest] = resource
		.split('?')[0]
		.split('/')
		.filter(Boolean)
		.map((segment) => decodeURIComponent(segment));
	const area = AREA_NEEDS[first];
	if (area && !(first === 'actions' && rest[0] !== 'watch')) return area(method, rest);
	return recordNeeds(method, first, rest);
}

function describeNeed(need: ScopeNeed): string {
	return need.scope === need.orWider ? need.scope : `${need.scope} (or ${need.orWider})`;
}

/** "ZohoBigin.settings.fields.READ (or ZohoBigin.settings.ALL)", several joined with "and". */
export function describeScopes(needs: ScopeNeed[]): string {
	return needs.map(describeNeed).join(' and ');
}

/**
 * What to do about a missing scope: which one the call needs, and where to add it. Zoho grants a
 * scope only when the credential connects, so a changed Scope takes a reconnection.
 */
export function missingScopeAdvice(
	method: string,
	resource: string,
	credentialName?: string,
): { needs: string; fix: string } {
	const needs = scopesFor(method, resource);
	const scopes = needs.map((need) => need.scope).join(' and ');
	const credential = credentialName ? `"${credentialName}"` : "this node's Bigin credential";
	return {
		needs: `${method.toUpperCase()} ${resource.split('?')[0]} needs ${describeScopes(needs)}`,
		fix: `Add ${scopes} to the Scope of ${credential} (Credentials, open it, Scope), then reconnect it: Zoho grants a scope only when the credential connects.`,
	};
}
