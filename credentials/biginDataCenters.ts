/**
 * Zoho's data centres that host Bigin. The accounts server issues tokens; the API domain is
 * only a fallback, because Zoho returns the authoritative `api_domain` with every token.
 */
export interface BiginDataCenter {
	name: string;
	accountsServer: string;
	apiDomain: string;
}

export const BIGIN_DATA_CENTERS: Record<string, BiginDataCenter> = {
	us: {
		name: 'United States (zoho.com)',
		accountsServer: 'https://accounts.zoho.com',
		apiDomain: 'https://www.zohoapis.com',
	},
	eu: {
		name: 'Europe (zoho.eu)',
		accountsServer: 'https://accounts.zoho.eu',
		apiDomain: 'https://www.zohoapis.eu',
	},
	in: {
		name: 'India (zoho.in)',
		accountsServer: 'https://accounts.zoho.in',
		apiDomain: 'https://www.zohoapis.in',
	},
	au: {
		name: 'Australia (zoho.com.au)',
		accountsServer: 'https://accounts.zoho.com.au',
		apiDomain: 'https://www.zohoapis.com.au',
	},
	jp: {
		name: 'Japan (zoho.jp)',
		accountsServer: 'https://accounts.zoho.jp',
		apiDomain: 'https://www.zohoapis.jp',
	},
	ca: {
		name: 'Canada (zohocloud.ca)',
		accountsServer: 'https://accounts.zohocloud.ca',
		apiDomain: 'https://www.zohoapis.ca',
	},
	sa: {
		name: 'Saudi Arabia (zoho.sa)',
		accountsServer: 'https://accounts.zoho.sa',
		apiDomain: 'https://www.zohoapis.sa',
	},
	cn: {
		name: 'China (zoho.com.cn)',
		accountsServer: 'https://accounts.zoho.com.cn',
		apiDomain: 'https://www.zohoapis.com.cn',
	},
};

const AUTHORIZE_PATH = '/oauth/v2/auth';
const TOKEN_PATH = '/oauth/v2/token';

export function trimTrailingSlashes(url: string): string {
	return url.replace(/\/+$/, '');
}

export function authorizationUrlOf(dataCenter: BiginDataCenter): string {
	return `${dataCenter.accountsServer}${AUTHORIZE_PATH}`;
}

/**
 * The Data Centre picker's value for an accounts server Bigin does not list (a proxy, a new data
 * centre, the local simulator). The picker is n8n's own Authorization URL field, so this value is
 * an authorization URL in n8n's expression mode: choosing it opens the URL for editing.
 */
export const CUSTOM_AUTHORIZATION_URL = `=${authorizationUrlOf(BIGIN_DATA_CENTERS.us)}`;

/** The accounts server an Authorization URL field names, whether n8n has resolved it or not. */
function accountsServerOfAuthorizationUrl(authUrl: unknown): string {
	const url = String(authUrl ?? '').replace(/^=/, '');
	return trimTrailingSlashes(
		url.endsWith(AUTHORIZE_PATH) ? url.slice(0, -AUTHORIZE_PATH.length) : url,
	);
}

/**
 * The accounts server an Authorization URL field names, as an n8n expression over `field`; the
 * expression twin of accountsServerOfAuthorizationUrl.
 */
function accountsServerExpression(field: string): string {
	const path = AUTHORIZE_PATH.replace(/\//g, '\\/');
	return `String(${field} || "").replace(/^=/, "").replace(/${path}$/, "").replace(/\\/+$/, "")`;
}

/**
 * The token URL as an n8n expression over the credential's own fields: the picked authorization
 * URL's sibling. `$self` holds the fields unresolved, so a custom URL still carries its `=`.
 */
export function accessTokenUrlExpression(): string {
	return `={{ ${accountsServerExpression('$self["authUrl"]')} + "${TOKEN_PATH}" }}`;
}

const API_DOMAIN_BY_ACCOUNTS_SERVER: Record<string, string> = Object.fromEntries(
	Object.values(BIGIN_DATA_CENTERS).map((dc) => [dc.accountsServer, dc.apiDomain]),
);

/**
 * The Bigin API host as an n8n expression over `$credentials` (for the credential test): the
 * token's `api_domain`, else the data centre's, as the transport resolves it.
 */
export function apiDomainExpression(): string {
	const tokenDomain = '($credentials.oauthTokenData || {}).api_domain';
	const accountsServer = accountsServerExpression('$credentials.authUrl');
	return `(${tokenDomain} ? String(${tokenDomain}).replace(/\\/+$/, "") : ${JSON.stringify(API_DOMAIN_BY_ACCOUNTS_SERVER)}[${accountsServer}] || ${accountsServer} || "${BIGIN_DATA_CENTERS.us.apiDomain}")`;
}

/** The accounts server a credential's tokens come from, as its own fields say. */
export function accountsServerOf(credentials: { authUrl?: unknown }): string {
	return (
		accountsServerOfAuthorizationUrl(credentials.authUrl) || BIGIN_DATA_CENTERS.us.accountsServer
	);
}

/**
 * The API host of the credential's data centre, for when Zoho's token names none. An accounts
 * server Bigin does not list is taken to serve the API too, as the simulator does.
 */
export function fallbackApiDomainOf(credentials: { authUrl?: unknown }): string {
	const accountsServer = accountsServerOf(credentials);
	return API_DOMAIN_BY_ACCOUNTS_SERVER[accountsServer] ?? accountsServer;
}
