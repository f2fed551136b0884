import { connectionProblem } from '../../credentials/biginConnectionCheck';
import { BiginOAuth2Api } from '../../credentials/BiginOAuth2Api.credentials';
import { apiDomainExpression } from '../../credentials/biginDataCenters';
import { evaluateExpression } from '../../tools/contexts/credentialTester';
import { customAccountsServerFields } from '../../tools/n8n/simulatorCredential';
import { pickedDataCentre } from '../support/dataCentres';

describe('Why a connected Bigin credential holds no access token', () => {
	it('finds nothing wrong with a token, or with a credential never connected', () => {
		expect(connectionProblem({ oauthTokenData: { access_token: '1000.abc' } })).toBeUndefined();
		expect(connectionProblem(pickedDataCentre('us'))).toBeUndefined();
	});

	it("names the account's data centre when Zoho's redirect said where the account lives", () => {
		const problem = connectionProblem({
			...pickedDataCentre('us'),
			oauthTokenData: {
				error: 'invalid_code',
				callbackQueryString: { location: 'eu', 'accounts-server': 'https://accounts.zoho.eu' },
			},
		});
		expect(problem).toBe(
			'Zoho issued no access token (invalid_code): your Zoho account lives at https://accounts.zoho.eu, but this credential uses https://accounts.zoho.com. Choose that Data Centre and reconnect.',
		);
	});

	it.each([
		['invalid_code', 'Data Centre'],
		['invalid_client', 'Client ID'],
		['invalid_client_secret', 'Client Secret'],
		['invalid_redirect_uri', 'Redirect URI'],
		['something_new', 'check the Data Centre, the Client ID and the Client Secret'],
	])("explains Zoho's %s", (error, hint) => {
		const problem = connectionProblem({ ...pickedDataCentre('in'), oauthTokenData: { error } });
		expect(problem).toContain(`(${error} from https://accounts.zoho.in)`);
		expect(problem).toContain(hint);
	});

	it('makes the credential fail before signing any request', async () => {
		const credential = new BiginOAuth2Api();
		await expect(
			credential.preAuthentication({
				...pickedDataCentre('us'),
				oauthTokenData: { error: 'invalid_code' },
			}),
		).rejects.toThrow('Zoho issued no access token');
		await expect(
			credential.preAuthentication({ oauthTokenData: { access_token: '1000.abc' } }),
		).resolves.toEqual({});
	});
});

describe("The credential test's API host", () => {
	const host = (credentials: Record<string, unknown>) =>
		evaluateExpression(`={{ ${apiDomainExpression()} }}`, { $credentials: credentials });

	it("is the token's api_domain, without a trailing slash", () => {
		expect(
			host({
				...pickedDataCentre('us'),
				oauthTokenData: { api_domain: 'https://www.zohoapis.eu/' },
			}),
		).toBe('https://www.zohoapis.eu');
	});

	it("falls back to the data centre's API domain, or the custom server", () => {
		expect(host({ ...pickedDataCentre('ca'), oauthTokenData: {} })).toBe('https://www.zohoapis.ca');
		expect(host(customAccountsServerFields('http://127.0.0.1:4010/'))).toBe(
			'http://127.0.0.1:4010',
		);
		expect(host({})).toBe('https://www.zohoapis.com');
	});
});
