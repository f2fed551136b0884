import type { RunningSimulator } from '../../../tools/simulator';
import { DEFAULT_CLIENT, startSimulator } from '../../../tools/simulator';
import { simClient } from '../../../tools/simulator/client';

const REDIRECT = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

describe('Bigin simulator: accounts server and API authentication', () => {
	let sim: RunningSimulator;
	let client: ReturnType<typeof simClient>;

	beforeAll(async () => {
		sim = await startSimulator();
		client = simClient(sim);
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.state.reset());

	const authorizeUrl = (extra = '') =>
		`/oauth/v2/auth?response_type=code&client_id=${DEFAULT_CLIENT.clientId}&scope=ZohoBigin.notifications.ALL,ZohoBigin.modules.ALL&redirect_uri=${encodeURIComponent(REDIRECT)}&access_type=offline&prompt=consent&state=xyz${extra}`;

	async function authorizationCode(): Promise<string> {
		const response = await client.request('GET', authorizeUrl());
		expect(response.status).toBe(302);
		const location = new URL(response.headers.get('location') as string);
		expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
		expect(location.searchParams.get('location')).toBe('us');
		expect(location.searchParams.get('accounts-server')).toBe(sim.url);
		expect(location.searchParams.get('state')).toBe('xyz');
		return location.searchParams.get('code') as string;
	}

	const tokenCall = (params: Record<string, string>) =>
		client.request('POST', '/oauth/v2/token', {
			raw: new URLSearchParams(params).toString(),
			contentType: 'application/x-www-form-urlencoded',
		});

	it('approves at once and exchanges the code for tokens with api_domain', async () => {
		const code = await authorizationCode();
		const response = await tokenCall({
			grant_type: 'authorization_code',
			client_id: DEFAULT_CLIENT.clientId,
			client_secret: DEFAULT_CLIENT.clientSecret,
			redirect_uri: REDIRECT,
			code,
		});
		expect(response.status).toBe(200);
		expect(response.body).toMatchObject({
			api_domain: sim.url,
			token_type: 'Bearer',
			expires_in: 3600,
		});
		expect(response.body.access_token).toMatch(/^1000\./);
		expect(response.body.refresh_token).toMatch(/^1000\./);
	});

	it('shows a consent page instead when switched, then redirects on accept', async () => {
		sim.state.config.consentPage = true;
		const page = await client.request('GET', authorizeUrl());
		expect(page.status).toBe(200);
		expect(page.body).toContain('Accept');
		const accepted = await client.request(
			'GET',
			authorizeUrl().replace('/oauth/v2/auth?', '/oauth/v2/auth/approve?'),
		);
		expect(accepted.status).toBe(302);
	});

	it('answers token errors with HTTP 200 and an error field, like Zoho', async () => {
		const wrongCode = await tokenCall({
			grant_type: 'authorization_code',
			client_id: DEFAULT_CLIENT.clientId,
			client_secret: DEFAULT_CLIENT.clientSecret,
			redirect_uri: REDIRECT,
			code: 'nope',
		});
		expect(wrongCode).toMatchObject({ status: 200, body: { error: 'invalid_code' } });
		const wrongSecret = await tokenCall({
			grant_type: 'refresh_token',
			client_id: DEFAULT_CLIENT.clientId,
			client_secret: 'bad',
			refresh_token: 'x',
		});
		expect(wrongSecret.body).toEqual({ error: 'invalid_client_secret' });
		const wrongClient = await tokenCall({
			grant_type: 'refresh_token',
			client_id: 'nobody',
			client_secret: 'bad',
			refresh_token: 'x',
		});
		expect(wrongClient.body).toEqual({ error: 'invalid_client' });
	});

	it('refreshes: a new access token, no new refresh token; expiry makes the old one fail', async () => {
		sim.state.config.accessTokenTtlSeconds = 2;
		const issued = await client.control('POST', 'tokens');
		await client.control('POST', 'clock', { advanceSeconds: 3 });
		const expired = await client.request('GET', '/bigin/v2/actions/watch', {
			token: issued.access_token,
		});
		expect(expired.status).toBe(401);
		expect(expired.body).toEqual({
			code: 'INVALID_TOKEN',
			details: {},
			message: 'invalid oauth token',
			status: 'error',
		});
		const refreshed = await tokenCall({
			grant_type: 'refresh_token',
			client_id: DEFAULT_CLIENT.clientId,
			client_secret: DEFAULT_CLIENT.clientSecret,
			refresh_token: issued.refresh_token,
		});
		expect(refreshed.body.refresh_token).toBeUndefined();
		expect(refreshed.body.api_domain).toBe(sim.url);
		expect(
			(
				await client.request('GET', '/bigin/v2/actions/watch', {
					token: refreshed.body.access_token,
				})
			).status,
		).toBe(204);
	});

	it('revokes a refresh token together with its access tokens', async () => {
		const issued = await client.control('POST', 'tokens');
		const revoked = await client.request(
			'POST',
			`/oauth/v2/token/revoke?token=${issued.refresh_token}`,
		);
		expect(revoked.body).toEqual({ status: 'success' });
		expect(
			(await client.request('GET', '/bigin/v2/actions/watch', { token: issued.access_token }))
				.status,
		).toBe(401);
	});

	it('accepts both Zoho-oauthtoken and Bearer', async () => {
		const token = await client.token();
		expect(
			(await client.request('GET', '/bigin/v2/actions/watch', { token, scheme: 'Zoho-oauthtoken' }))
				.status,
		).toBe(204);
		expect(
			(await client.request('GET', '/bigin/v2/actions/watch', { token, scheme: 'Bearer' })).status,
		).toBe(204);
		const log = (await client.control('GET', 'requests')).requests;
		expect(log.map((entry: { auth: string }) => entry.auth)).toEqual(['Zoho-oauthtoken', 'Bearer']);
	});

	it('answers unknown tokens with 401 INVALID_TOKEN and missing headers with AUTHENTICATION_FAILURE', async () => {
		expect(
			(await client.request('GET', '/bigin/v2/actions/watch', { token: 'forged' })).body.code,
		).toBe('INVALID_TOKEN');
		expect((await client.request('GET', '/bigin/v2/actions/watch')).body.code).toBe(
			'AUTHENTICATION_FAILURE',
		);
	});

	it('answers 401 OAUTH_SCOPE_MISMATCH for a token without the notifications scope', async () => {
		const token = await client.token('ZohoBigin.modules.ALL');
		const response = await client.request('GET', '/bigin/v2/actions/watch', { token });
		expect(response.status).toBe(401);
		expect(response.body.code).toBe('OAUTH_SCOPE_MISMATCH');
		expect((await client.request('GET', '/bigin/v2/Contacts/1', { token })).status).toBe(204);
	});

	it('honours per-module record scopes', async () => {
		const token = await client.token('ZohoBigin.notifications.ALL,ZohoBigin.modules.contacts.READ');
		expect(
			(await client.request('GET', '/bigin/v2/Contacts?fields=Last_Name', { token })).status,
		).toBe(200);
		expect(
			(await client.request('GET', '/bigin/v2/Accounts?fields=Account_Name', { token })).body.code,
		).toBe('OAUTH_SCOPE_MISMATCH');
	});

	it('never writes tokens into the request log', async () => {
		const issued = await client.control('POST', 'tokens');
		await client.request('POST', `/oauth/v2/token/revoke?token=${issued.refresh_token}`);
		const log = JSON.stringify(await client.control('GET', 'requests'));
		expect(log).not.toContain(issued.refresh_token);
		expect(log).toContain('[redacted]');
	});
});
