import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { fallbackApiDomainOf, trimTrailingSlashes } from '../../../credentials/biginDataCenters';

const API_VERSION_PATH = '/bigin/v2';

/**
 * The host to call: Zoho's `api_domain` from the token wins, because it names the data centre the
 * account really lives in; the data centre the user picked is only a fallback.
 */
export function resolveApiDomain(credentials: ICredentialDataDecryptedObject): string {
	const tokenData = credentials.oauthTokenData as IDataObject | undefined;
	if (typeof tokenData?.api_domain === 'string' && tokenData.api_domain !== '') {
		return trimTrailingSlashes(tokenData.api_domain);
	}
	return fallbackApiDomainOf(credentials);
}

export function biginApiUrl(apiDomain: string, resource: string): string {
	return `${apiDomain}${API_VERSION_PATH}/${resource.replace(/^\/+/, '')}`;
}
