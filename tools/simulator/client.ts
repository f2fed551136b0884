import type { RunningSimulator } from './';

export interface SimResponse {
	status: number;
	body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- assertions read arbitrary JSON
	headers: Headers;
}

/** Plain HTTP against the simulator, the way any Bigin client would talk to it. */
export function simClient(sim: RunningSimulator) {
	async function request(
		method: string,
		path: string,
		options: {
			token?: string;
			scheme?: string;
			body?: unknown;
			raw?: string;
			contentType?: string;
		} = {},
	): Promise<SimResponse> {
		const headers: Record<string, string> = {};
		if (options.token)
			headers.authorization = `${options.scheme ?? 'Zoho-oauthtoken'} ${options.token}`;
		let payload: string | undefined;
		if (options.raw !== undefined) payload = options.raw;
		else if (options.body !== undefined) payload = JSON.stringify(options.body);
		if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
		const response = await fetch(`${sim.url}${path}`, {
			method,
			headers,
			body: payload,
			redirect: 'manual',
		});
		const text = await response.text();
		let body: unknown = text;
		try {
			body = text === '' ? undefined : JSON.parse(text);
		} catch {
			body = text;
		}
		return { status: response.status, body, headers: response.headers };
	}

	return {
		request,
		control: async (method: string, area: string, body?: unknown) =>
			(
				await request(method, `/_sim/${area}`, {
					body: method === 'GET' ? undefined : (body ?? {}),
				})
			).body,
		token: async (scope?: string): Promise<string> =>
			(await request('POST', '/_sim/tokens', { body: scope ? { scope } : {} })).body.access_token,
	};
}
