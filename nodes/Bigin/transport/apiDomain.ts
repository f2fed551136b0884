import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import {
	BIGIN_DATA_CENTERS,
	CUSTOM_DATA_CENTER,
	trimTrailingSlashes,
} from '../../../credentials/biginDataCenters';

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
	const dataCenter = String(credentials.dataCenter ?? 'us');
	if (dataCenter === CUSTOM_DATA_CENTER) {
		return trimTrailingSlashes(String(credentials.customAccountsServer ?? ''));
	}
	return (BIGIN_DATA_CENTERS[dataCenter] ?? BIGIN_DATA_CENTERS.us).apiDomain;
}

export function biginApiUrl(apiDomain: string, resource: string): string {
	return `${apiDomain}${API_VERSION_PATH}/${resource.replace(/^\/+/, '')}`;
}
