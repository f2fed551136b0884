import { randomBytes } from 'node:crypto';

import type { SimulatorState } from './state';
import type { JsonObject } from './types';

const CODE_TTL_MS = 2 * 60 * 1000;

export type AuthOutcome =
	| { kind: 'redirect'; location: string }
	| { kind: 'consent'; html: string }
	| { kind: 'error'; status: number; message: string };

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function scopesOf(raw: string | undefined): string[] {
	return (raw ?? '')
		.split(/[,\s]+/)
		.map((scope) => scope.trim())
		.filter(Boolean);
}

/** /oauth/v2/auth: approves at once (or shows a consent page) and redirects back with a code. */
export function authorize(
	state: SimulatorState,
	query: Record<string, string>,
	approved: boolean,
): AuthOutcome {
	const client = state.clients.get(query.client_id ?? '');
	if (!client)
		return { kind: 'error', status: 400, message: 'Invalid Client: no client with this client_id' };
	if (query.response_type !== 'code')
		return { kind: 'error', status: 400, message: 'response_type must be code' };
	let redirect: URL;
	try {
		redirect = new URL(query.redirect_uri ?? '');
	} catch {
		return { kind: 'error', status: 400, message: 'Invalid Redirect URI' };
	}
	if (state.config.consentPage && !approved) {
		const hidden = Object.entries(query)
			.map(
				([key, value]) =>
					`<input type="hidden" name="${escapeHtml(key)}" value="${escapeHtml(value)}">`,
			)
			.join('');
		return {
			kind: 'consent',
			html: `<!doctype html><title>Bigin simulator: consent</title><h1>Allow access to the simulated Bigin org?</h1><p>Scopes: ${escapeHtml(scopesOf(query.scope).join(', '))}</p><form method="get" action="/oauth/v2/auth/approve">${hidden}<button type="submit">Accept</button></form>`,
		};
	}
	const code = `1000.${randomBytes(16).toString('hex')}`;
	state.codes.set(code, {
		clientId: client.clientId,
		redirectUri: query.redirect_uri,
		scopes: scopesOf(query.scope),
		offline: query.access_type === 'offline',
		expiresAt: state.now() + CODE_TTL_MS,
	});
	redirect.searchParams.set('code', code);
	redirect.searchParams.set('location', 'us');
	redirect.searchParams.set('accounts-server', state.baseUrl);
	if (query.state !== undefined) redirect.searchParams.set('state', query.state);
	return { kind: 'redirect', location: redirect.toString() };
}

function tokenResponse(
	state: SimulatorState,
	accessToken: string,
	scopes: string[],
	refreshToken?: string,
): JsonObject {
	const response: JsonObject = {
		access_token: accessToken,
		scope: scopes.join(' '),
		api_domain: state.baseUrl,
		token_type: 'Bearer',
		expires_in: state.config.accessTokenTtlSeconds,
	};
	if (refreshToken) response.refresh_token = refreshToken;
	return response;
}

/** /oauth/v2/token: Zoho answers errors with HTTP 200 and an `error` field. */
export function exchangeToken(state: SimulatorState, params: Record<string, string>): JsonObject {
	const client = state.clients.get(params.client_id ?? '');
	if (!client) return { error: 'invalid_client' };
	if (client.clientSecret !== params.client_secret) return { error: 'invalid_client_secret' };

	if (params.grant_type === 'authorization_code') {
		const grant = state.codes.get(params.code ?? '');
		if (!grant || grant.expiresAt < state.now() || grant.clientId !== client.clientId)
			return { error: 'invalid_code' };
		if (grant.redirectUri !== params.redirect_uri) return { error: 'invalid_redirect_uri' };
		state.codes.delete(params.code);
		const refreshToken = grant.offline
			? state.issueRefreshToken(client.clientId, grant.scopes)
			: undefined;
		return tokenResponse(
			state,
			state.issueAccessToken(client.clientId, grant.scopes, refreshToken),
			grant.scopes,
			refreshToken,
		);
	}
	if (params.grant_type === 'refresh_token') {
		const grant = state.refreshTokens.get(params.refresh_token ?? '');
		if (!grant || grant.clientId !== client.clientId) return { error: 'invalid_code' };
		return tokenResponse(
			state,
			state.issueAccessToken(client.clientId, grant.scopes, params.refresh_token),
			grant.scopes,
		);
	}
	return { error: 'unsupported_grant_type' };
}

/** /oauth/v2/token/revoke: a revoked refresh token takes its access tokens with it. */
export function revokeToken(state: SimulatorState, token: string): JsonObject {
	if (state.refreshTokens.delete(token)) {
		for (const [accessToken, grant] of state.accessTokens) {
			if (grant.refreshToken === token) state.accessTokens.delete(accessToken);
		}
		return { status: 'success' };
	}
	if (state.accessTokens.delete(token)) return { status: 'success' };
	return { error: 'invalid_token' };
}
