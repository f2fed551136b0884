import type { SimulatorState } from './state';
import type { RequestLogEntry } from './types';
import { ApiError, errorEntry } from './types';

const NOTIFICATION_SCOPE_LEVELS: Record<string, string[]> = {
	GET: ['ALL', 'READ'],
	POST: ['ALL', 'WRITE', 'CREATE'],
	PUT: ['ALL', 'WRITE', 'UPDATE'],
	PATCH: ['ALL', 'WRITE', 'UPDATE'],
	DELETE: ['ALL', 'DELETE'],
};

const RECORD_SCOPE_LEVELS: Record<string, string[]> = {
	GET: ['ALL', 'READ'],
	POST: ['ALL', 'WRITE', 'CREATE'],
	PUT: ['ALL', 'WRITE', 'UPDATE'],
	DELETE: ['ALL', 'DELETE'],
};

export interface Caller {
	scheme: RequestLogEntry['auth'];
	scopes: string[];
}

/** Accepts `Zoho-oauthtoken <t>` and `Bearer <t>`, as Zoho's API gateway does. */
export function authenticate(state: SimulatorState, header: string | undefined): Caller {
	const match = /^(Zoho-oauthtoken|Bearer)\s+(\S+)$/i.exec(header ?? '');
	if (!match) {
		throw new ApiError(401, errorEntry('AUTHENTICATION_FAILURE', 'Authentication failed', {}));
	}
	const grant = state.accessTokens.get(match[2]);
	if (!grant || grant.expiresAt <= state.now()) {
		throw new ApiError(401, errorEntry('INVALID_TOKEN', 'invalid oauth token', {}));
	}
	return {
		scheme: match[1].toLowerCase() === 'bearer' ? 'Bearer' : 'Zoho-oauthtoken',
		scopes: grant.scopes,
	};
}

function hasScope(scopes: string[], prefixes: string[], levels: string[]): boolean {
	return scopes.some((scope) => {
		const lower = scope.toLowerCase();
		return prefixes.some((prefix) =>
			levels.some((level) => lower === `${prefix}.${level}`.toLowerCase()),
		);
	});
}

function scopeMismatch(): ApiError {
	return new ApiError(
		401,
		errorEntry('OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL', {}),
	);
}

export function requireNotificationScope(caller: Caller, method: string): void {
	if (
		!hasScope(
			caller.scopes,
			['ZohoBigin.notifications'],
			NOTIFICATION_SCOPE_LEVELS[method] ?? ['ALL'],
		)
	)
		throw scopeMismatch();
}

export function requireRecordScope(caller: Caller, method: string, module: string): void {
	const levels = RECORD_SCOPE_LEVELS[method] ?? ['ALL'];
	const prefixes = [`ZohoBigin.modules.${module}`];
	const moduleWide = hasScope(caller.scopes, ['ZohoBigin.modules'], ['ALL']);
	if (!moduleWide && !hasScope(caller.scopes, prefixes, levels)) throw scopeMismatch();
}

/** Search needs `ZohoSearch.securesearch.READ` besides the module's read scope (bigin-api.md §6.2). */
export function requireSearchScope(caller: Caller, module: string): void {
	requireRecordScope(caller, 'GET', module);
	if (!hasScope(caller.scopes, ['ZohoSearch.securesearch'], ['ALL', 'READ'])) throw scopeMismatch();
}

/** settings/{area}: `ZohoBigin.settings.ALL`, or `ZohoBigin.settings.{area}.ALL|READ`. */
export function requireSettingsScope(caller: Caller, area: string): void {
	if (
		!hasScope(caller.scopes, ['ZohoBigin.settings'], ['ALL']) &&
		!hasScope(caller.scopes, [`ZohoBigin.settings.${area}`], ['ALL', 'READ'])
	)
		throw scopeMismatch();
}

/** GET org: `ZohoBigin.org.ALL|READ`, or the settings-wide scope. */
export function requireOrgScope(caller: Caller): void {
	if (
		!hasScope(caller.scopes, ['ZohoBigin.org'], ['ALL', 'READ']) &&
		!hasScope(caller.scopes, ['ZohoBigin.settings'], ['ALL'])
	)
		throw scopeMismatch();
}

/** The Query API: `ZohoBigin.coql.READ` (or `.ALL`); the module's READ is checked once the query names it. */
export function requireCoqlScope(caller: Caller): void {
	if (!hasScope(caller.scopes, ['ZohoBigin.coql'], ['ALL', 'READ'])) throw scopeMismatch();
}

export function requireUsersScope(caller: Caller): void {
	if (!hasScope(caller.scopes, ['ZohoBigin.users'], ['ALL', 'READ'])) throw scopeMismatch();
}
