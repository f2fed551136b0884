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

export const CUSTOM_DATA_CENTER = 'custom';

export function trimTrailingSlashes(url: string): string {
	return url.replace(/\/+$/, '');
}

/**
 * The accounts server for a credential, as an n8n expression over the credential's own fields,
 * so that the OAuth2 URLs follow the data centre the user picks.
 */
export function accountsServerExpression(): string {
	const servers = Object.fromEntries(
		Object.entries(BIGIN_DATA_CENTERS).map(([key, dc]) => [key, dc.accountsServer]),
	);
	return `($self["dataCenter"] === "${CUSTOM_DATA_CENTER}" ? String($self["customAccountsServer"] || "").replace(/\\/+$/, "") : ${JSON.stringify(servers)}[$self["dataCenter"]])`;
}

/**
 * The Bigin API host as an n8n expression over `$credentials` (for the credential test): the
 * token's `api_domain`, else the data centre's, as the transport resolves it.
 */
export function apiDomainExpression(): string {
	const domains = Object.fromEntries(
		Object.entries(BIGIN_DATA_CENTERS).map(([key, dc]) => [key, dc.apiDomain]),
	);
	const tokenDomain = '($credentials.oauthTokenData || {}).api_domain';
	return `(${tokenDomain} ? String(${tokenDomain}).replace(/\\/+$/, "") : $credentials.dataCenter === "${CUSTOM_DATA_CENTER}" ? String($credentials.customAccountsServer || "").replace(/\\/+$/, "") : (${JSON.stringify(domains)}[$credentials.dataCenter] || "${BIGIN_DATA_CENTERS.us.apiDomain}"))`;
}

/** The accounts server a credential's tokens come from, as its own fields say. */
export function accountsServerOf(credentials: {
	dataCenter?: unknown;
	customAccountsServer?: unknown;
}): string {
	if (credentials.dataCenter === CUSTOM_DATA_CENTER) {
		return trimTrailingSlashes(String(credentials.customAccountsServer ?? ''));
	}
	return (BIGIN_DATA_CENTERS[String(credentials.dataCenter ?? 'us')] ?? BIGIN_DATA_CENTERS.us)
		.accountsServer;
}
