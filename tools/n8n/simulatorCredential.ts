import { DEFAULT_BIGIN_SCOPES } from '../../credentials/BiginOAuth2Api.credentials';
import { trimTrailingSlashes } from '../../credentials/biginDataCenters';

/**
 * The credential fields of Data Centre "Custom" edited to an accounts server Bigin does not list,
 * such as a simulator: its authorization URL in n8n's expression mode.
 */
export function customAccountsServerFields(accountsServer: string): { authUrl: string } {
	return { authUrl: `=${trimTrailingSlashes(accountsServer)}/oauth/v2/auth` };
}

/**
 * The import record of a Bigin credential already connected to a running simulator (fresh tokens),
 * with the credential's default Scope, granted as such: a reconnection ("Switch account") asks for
 * the same scopes, so it keeps every operation working.
 */
export async function simulatorCredential(
	simulatorUrl: string,
	identity: { id: string; name: string },
	scope: string = DEFAULT_BIGIN_SCOPES,
): Promise<object> {
	const response = await fetch(`${simulatorUrl}/_sim/tokens`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ scope }),
	});
	const token = (await response.json()) as Record<string, string>;
	return {
		...identity,
		type: 'biginOAuth2Api',
		data: {
			...customAccountsServerFields(simulatorUrl),
			clientId: token.client_id,
			clientSecret: token.client_secret,
			scope,
			oauthTokenData: {
				access_token: token.access_token,
				refresh_token: token.refresh_token,
				api_domain: token.api_domain,
				token_type: 'Bearer',
				expires_in: Number(token.expires_in),
			},
		},
	};
}
