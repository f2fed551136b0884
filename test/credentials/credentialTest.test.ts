import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { RunningSimulator } from '../../tools/simulator';
import { DEFAULT_CLIENT, startSimulator } from '../../tools/simulator';
import { customAccountsServerFields } from '../../tools/n8n/simulatorCredential';
import { runCredentialTest } from '../../tools/contexts/credentialTester';
import { simulatorCredentials } from '../../tools/contexts/nodeHarness';
import { BiginOAuth2Api } from '../../credentials/BiginOAuth2Api.credentials';
import { missingScopeAdvice } from '../../nodes/Bigin/transport/scopes';

const credentialType = new BiginOAuth2Api();
const REDIRECT_URI = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

/** Authorizes at `account` (where the Zoho account lives) and exchanges the code at `exchangeAt`, as n8n's callback does. */
async function connect(
	account: RunningSimulator,
	exchangeAt: RunningSimulator,
): Promise<IDataObject> {
	const auth = new URL(`${account.url}/oauth/v2/auth`);
	auth.search = new URLSearchParams({
		response_type: 'code',
		client_id: DEFAULT_CLIENT.clientId,
		redirect_uri: REDIRECT_URI,
		scope: 'ZohoBigin.notifications.ALL,ZohoBigin.modules.ALL',
		access_type: 'offline',
		state: 'n8n-state',
	}).toString();
	const redirect = await fetch(auth, { redirect: 'manual' });
	const callback = new URL(String(redirect.headers.get('location')));
	const token = (await (
		await fetch(`${exchangeAt.url}/oauth/v2/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'authorization_code',
				code: String(callback.searchParams.get('code')),
				redirect_uri: REDIRECT_URI,
				client_id: DEFAULT_CLIENT.clientId,
				client_secret: DEFAULT_CLIENT.clientSecret,
			}).toString(),
		})
	).json()) as IDataObject;
	// n8n keeps Zoho's extra callback parameters (location, accounts-server) with the token
	const extra: IDataObject = Object.fromEntries(callback.searchParams);
	delete extra.code;
	delete extra.state;
	return { ...token, callbackQueryString: extra };
}

describe("Bigin OAuth2 API credential test, as n8n's credential dialog runs it, against the simulator", () => {
	let account: RunningSimulator;
	let otherDataCentre: RunningSimulator;

	beforeAll(async () => {
		account = await startSimulator();
		otherDataCentre = await startSimulator();
	});
	afterAll(async () => {
		await account.stop();
		await otherDataCentre.stop();
	});
	beforeEach(() => {
		account.state.reset();
		otherDataCentre.state.reset();
	});

	const custom = (
		sim: RunningSimulator,
		oauthTokenData: IDataObject,
	): ICredentialDataDecryptedObject => ({
		...customAccountsServerFields(sim.url),
		clientId: DEFAULT_CLIENT.clientId,
		clientSecret: DEFAULT_CLIENT.clientSecret,
		oauthTokenData,
	});

	it('passes for a credential connected to the right data centre', async () => {
		const credentials = custom(account, await connect(account, account));
		expect(await runCredentialTest(credentialType, credentials)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const calls = account.state.requestLog.filter((entry) => entry.path.startsWith('/bigin/'));
		expect(calls.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
			'GET /bigin/v2/actions/watch',
		]);
	});

	it('passes with an expired access token, which n8n refreshes first', async () => {
		const credentials = await simulatorCredentials(account);
		await fetch(`${account.url}/_sim/expire-tokens`, { method: 'POST', body: '{}' });
		expect((await runCredentialTest(credentialType, credentials)).status).toBe('OK');
	});

	it('fails for a credential connected through the wrong accounts server, naming both servers', async () => {
		const tokenData = await connect(account, otherDataCentre);
		expect(tokenData.error).toBe('invalid_code');
		const result = await runCredentialTest(credentialType, custom(otherDataCentre, tokenData));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Zoho issued no access token (invalid_code)');
		expect(result.message).toContain(`your Zoho account lives at ${account.url}`);
		expect(result.message).toContain(`this credential uses ${otherDataCentre.url}`);
		expect(account.state.requestLog.filter((entry) => entry.path.startsWith('/bigin/'))).toEqual(
			[],
		);
	});

	it('fails, once its access token expired, for a credential whose accounts server cannot refresh it', async () => {
		const credentials: ICredentialDataDecryptedObject = {
			...(await simulatorCredentials(account)),
			...customAccountsServerFields(otherDataCentre.url),
		};
		delete credentials.accessTokenUrl;
		await fetch(`${account.url}/_sim/expire-tokens`, { method: 'POST', body: '{}' });
		const result = await runCredentialTest(credentialType, credentials);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('even after n8n refreshed it (HTTP 401)');
		expect(result.message).toContain('Data Centre');
	});

	it('fails for a revoked grant, saying to reconnect', async () => {
		const credentials = await simulatorCredentials(account);
		const refreshToken = String(credentials.oauthTokenData.refresh_token);
		await fetch(`${account.url}/oauth/v2/token/revoke?token=${refreshToken}`, { method: 'POST' });
		const result = await runCredentialTest(credentialType, credentials);
		expect(result).toMatchObject({ status: 'Error' });
		expect(result.message).toContain('revoked');
		expect(result.message).toContain('reconnect');
	});

	it('fails for a token without the notifications scope, naming the scope as the transport does', async () => {
		const credentials = await simulatorCredentials(account, 'ZohoBigin.modules.ALL');
		const result = await runCredentialTest(credentialType, credentials);
		expect(result.status).toBe('Error');
		const testCall = credentialType.test.request;
		const needs = missingScopeAdvice(
			String(testCall.method),
			String(testCall.url).slice('/bigin/v2/'.length),
		).needs;
		expect(result.message).toContain(needs.replace(' needs ', ' needs, '));
		expect(result.message).toContain('then reconnect');
	});

	it('passes with a scope narrowed to notifications and one module, as the README suggests', async () => {
		const credentials = await simulatorCredentials(
			account,
			'ZohoBigin.notifications.ALL,ZohoBigin.modules.contacts.READ',
		);
		expect((await runCredentialTest(credentialType, credentials)).status).toBe('OK');
	});
});
