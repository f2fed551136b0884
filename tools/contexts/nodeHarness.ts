import { Container } from '@n8n/di';
import { OutboundHttp } from '@n8n/backend-network';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { RunningSimulator } from '../simulator';
import { DEFAULT_CLIENT } from '../simulator';
import { customAccountsServerFields } from '../n8n/simulatorCredential';

/**
 * Hand-made n8n contexts whose HTTP is real: requests go through n8n's own outbound HTTP client,
 * signed like n8n's OAuth2 helper does (Bearer), refreshed and retried once on 401, and failures
 * wrapped in NodeApiError exactly as httpRequestWithAuthentication wraps them.
 */
export interface Credentials extends ICredentialDataDecryptedObject {
	oauthTokenData: IDataObject;
}

export async function simulatorCredentials(
	sim: RunningSimulator,
	scope?: string,
): Promise<Credentials> {
	const response = await fetch(`${sim.url}/_sim/tokens`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(scope ? { scope } : {}),
	});
	const token = (await response.json()) as IDataObject;
	return {
		...customAccountsServerFields(sim.url),
		clientId: DEFAULT_CLIENT.clientId,
		clientSecret: DEFAULT_CLIENT.clientSecret,
		accessTokenUrl: `${sim.url}/oauth/v2/token`,
		oauthTokenData: {
			access_token: token.access_token,
			refresh_token: token.refresh_token,
			api_domain: token.api_domain,
			token_type: 'Bearer',
		},
	};
}

export const testNode = (type: string, overrides: Partial<INode> = {}): INode => ({
	id: 'node-1',
	name: type === 'biginTrigger' ? 'Bigin Trigger' : 'Bigin',
	type: `n8n-nodes-bigin.${type}`,
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	webhookId: '0b0f5a2e-6c77-4c38-9d57-3f8d0d1f2b11',
	...overrides,
});

export interface RequestRecorder {
	requests: IHttpRequestOptions[];
	refreshes: number;
	/** How often node code read the credential (getCredentials). */
	credentialReads?: number;
}

export function oauthHttp(node: INode, credentials: Credentials, recorder: RequestRecorder) {
	const http = Container.get(OutboundHttp).requests();
	const signed = (options: IHttpRequestOptions): IHttpRequestOptions => ({
		...options,
		headers: {
			...(options.headers ?? {}),
			Authorization: `Bearer ${String(credentials.oauthTokenData.access_token)}`,
		},
	});
	const refresh = async () => {
		recorder.refreshes += 1;
		const body = new URLSearchParams({
			grant_type: 'refresh_token',
			refresh_token: String(credentials.oauthTokenData.refresh_token),
			client_id: String(credentials.clientId),
			client_secret: String(credentials.clientSecret),
		}).toString();
		const fresh = (await http.request({
			method: 'POST',
			url: String(credentials.accessTokenUrl),
			body,
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			json: true,
		})) as IDataObject;
		if (fresh.error) throw new Error(`token refresh failed: ${String(fresh.error)}`);
		credentials.oauthTokenData = { ...credentials.oauthTokenData, ...fresh };
	};
	return async (credentialType: string, options: IHttpRequestOptions): Promise<unknown> => {
		if (credentialType !== 'biginOAuth2Api')
			throw new Error(`unexpected credential type ${credentialType}`);
		recorder.requests.push(options);
		try {
			try {
				return await http.request(signed(options));
			} catch (error) {
				if ((error as { response?: { status?: number } }).response?.status !== 401) throw error;
				await refresh();
				return await http.request(signed(options));
			}
		} catch (error) {
			throw new NodeApiError(node, error as never);
		}
	};
}

export const silentLogger = {
	debug: () => undefined,
	info: () => undefined,
	warn: () => undefined,
	error: () => undefined,
};

export interface LoggedLine {
	level: string;
	message: string;
	meta?: unknown;
}

export function recordingLogger(lines: LoggedLine[]) {
	const log = (level: string) => (message: string, meta?: unknown) => {
		lines.push({ level, message, meta });
	};
	return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export function parameterReader(parameters: IDataObject | ((itemIndex: number) => IDataObject)) {
	return (name: string, itemIndex = 0, fallback?: unknown): unknown => {
		const values = typeof parameters === 'function' ? parameters(itemIndex) : parameters;
		const value = name
			.split('.')
			.reduce<unknown>((current, key) => (current as IDataObject | undefined)?.[key], values);
		if (value === undefined) {
			if (fallback !== undefined) return fallback;
			throw new Error(`Could not get parameter "${name}"`);
		}
		return value;
	};
}

export const items = (...jsons: IDataObject[]): INodeExecutionData[] =>
	jsons.map((json) => ({ json }));
