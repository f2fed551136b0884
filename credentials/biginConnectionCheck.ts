import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { accountsServerOf, trimTrailingSlashes } from './biginDataCenters';

/** What Zoho's token errors (sent with HTTP 200, so n8n saves them as if connected) usually mean. */
const ZOHO_TOKEN_ERRORS: Record<string, string> = {
	invalid_code:
		'the Data Centre is not the one your Bigin account lives in (the domain you see in Bigin: bigin.zoho.eu means Europe), or the authorization expired before n8n used it',
	invalid_client:
		'this accounts server does not know the Client ID: check it, and enable Multi-DC for your data centre in the API console',
	invalid_client_secret: 'the Client Secret does not match the Client ID',
	invalid_redirect_uri:
		"the client's Authorized Redirect URI in the API console is not n8n's OAuth Redirect URL",
	access_denied: 'the consent was declined',
};

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Why a connected credential holds no access token, or undefined when it holds one (or was never
 * connected, which n8n reports itself). Zoho answers token errors with HTTP 200, so n8n stores
 * the error as the token data and shows the credential as connected.
 */
export function connectionProblem(credentials: ICredentialDataDecryptedObject): string | undefined {
	const tokenData = credentials.oauthTokenData;
	if (!isObject(tokenData)) return undefined;
	if (typeof tokenData.access_token === 'string' && tokenData.access_token !== '') return undefined;

	const zohoError = typeof tokenData.error === 'string' ? tokenData.error : 'no access token';
	const used = accountsServerOf(credentials);
	const redirect = isObject(tokenData.callbackQueryString) ? tokenData.callbackQueryString : {};
	const accountHome = redirect['accounts-server'];
	if (typeof accountHome === 'string' && trimTrailingSlashes(accountHome) !== used) {
		return `Zoho issued no access token (${zohoError}): your Zoho account lives at ${trimTrailingSlashes(accountHome)}, but this credential uses ${used}. Choose that Data Centre and reconnect.`;
	}
	const meaning =
		ZOHO_TOKEN_ERRORS[zohoError] ?? 'check the Data Centre, the Client ID and the Client Secret';
	return `Zoho issued no access token when the credential was connected (${zohoError} from ${used}): ${meaning}. Then reconnect.`;
}
