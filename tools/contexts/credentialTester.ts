import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	INodeProperties,
} from 'n8n-workflow';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** Evaluates a `={{ … }}` string the way n8n's expressions do, with the given variables. */
export function evaluateExpression(value: string, variables: Record<string, unknown>): string {
	if (!value.startsWith('={{')) return value;
	const expression = value.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	const names = Object.keys(variables);
	return String(
		new Function(...names, `return (${expression});`)(...names.map((n) => variables[n])),
	);
}

/**
 * What n8n 2.40's credential test does for an OAuth2 credential with a declarative `test`, over
 * real HTTP: the request built from `$credentials`, the credential's preAuthentication before
 * signing, Bearer, on 401 one refresh (client-oauth2 merges Zoho's HTTP-200 error answer into the
 * token) with preAuthentication again and one retry, then the `responseCode` rules.
 */
export async function runCredentialTest(
	type: ICredentialType,
	credentials: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const test = type.test as ICredentialTestRequest;
	const data: ICredentialDataDecryptedObject = { ...credentials };
	const self = (name: string) =>
		evaluateExpression(
			String(
				data[name] ??
					(type.properties.find((p: INodeProperties) => p.name === name)?.default as string),
			),
			{ $self: data },
		);
	const url =
		evaluateExpression(String(test.request.baseURL ?? ''), { $credentials: data }) +
		String(test.request.url ?? '');

	const preAuthenticate = async () => {
		if (!type.preAuthentication) return;
		Object.assign(data, await type.preAuthentication.call({} as never, data));
	};
	const send = async () => {
		const token = (data.oauthTokenData as IDataObject | undefined)?.access_token;
		if (!token) throw new Error('Unable to sign without access token');
		return await fetch(url, {
			method: test.request.method ?? 'GET',
			headers: { authorization: `Bearer ${String(token)}` },
		});
	};
	const refresh = async () => {
		const tokenData = data.oauthTokenData as IDataObject;
		const response = await fetch(self('accessTokenUrl'), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'refresh_token',
				refresh_token: String(tokenData.refresh_token),
				client_id: String(data.clientId),
				client_secret: String(data.clientSecret),
			}).toString(),
		});
		data.oauthTokenData = { ...tokenData, ...((await response.json()) as IDataObject) };
	};

	try {
		await preAuthenticate();
		let response = await send();
		if (response.status === 401) {
			await refresh();
			await preAuthenticate();
			response = await send();
		}
		if (response.status >= 200 && response.status < 300) {
			return { status: 'OK', message: 'Connection successful!' };
		}
		const rule = test.rules?.find(
			(candidate) =>
				candidate.type === 'responseCode' && candidate.properties.value === response.status,
		);
		return {
			status: 'Error',
			message: rule?.properties.message ?? `Received HTTP status code: ${response.status}`,
		};
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
