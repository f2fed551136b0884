import type { INodeProperties } from 'n8n-workflow';

import { BiginOAuth2Api, DEFAULT_BIGIN_SCOPES } from '../../credentials/BiginOAuth2Api.credentials';
import { BIGIN_DATA_CENTERS } from '../../credentials/biginDataCenters';

const credential = new BiginOAuth2Api();
const property = (name: string) =>
	credential.properties.find((p) => p.name === name) as INodeProperties;

/** Evaluates one of the credential's `={{ … }}` defaults the way n8n does, with `$self` as the credential. */
function evaluate(name: string, self: Record<string, string>): string {
	const expression = String(property(name).default)
		.replace(/^=\{\{/, '')
		.replace(/\}\}$/, '');
	return new Function('$self', `return (${expression});`)(self) as string;
}

describe('Bigin OAuth2 API credential', () => {
	it("extends n8n's OAuth2 credential with the authorization-code grant", () => {
		expect(credential.name).toBe('biginOAuth2Api');
		expect(credential.extends).toEqual(['oAuth2Api']);
		expect(property('grantType').default).toBe('authorizationCode');
	});

	it('asks Zoho for a refresh token every time and sends client credentials in the body', () => {
		expect(property('authQueryParameters').default).toBe('access_type=offline&prompt=consent');
		expect(property('authentication').default).toBe('body');
	});

	it('offers all eight Bigin data centres plus a custom accounts server', () => {
		const values = (property('dataCenter').options as Array<{ value: string }>)
			.map((option) => option.value)
			.sort();
		expect(values).toEqual(['au', 'ca', 'cn', 'custom', 'eu', 'in', 'jp', 'sa', 'us']);
		expect(property('customAccountsServer').displayOptions).toEqual({
			show: { dataCenter: ['custom'] },
		});
	});

	it.each(Object.entries(BIGIN_DATA_CENTERS))(
		'points the OAuth2 URLs at the %s accounts server',
		(key, dc) => {
			expect(evaluate('authUrl', { dataCenter: key })).toBe(`${dc.accountsServer}/oauth/v2/auth`);
			expect(evaluate('accessTokenUrl', { dataCenter: key })).toBe(
				`${dc.accountsServer}/oauth/v2/token`,
			);
		},
	);

	it("uses Canada's zohocloud.ca accounts server", () => {
		expect(evaluate('accessTokenUrl', { dataCenter: 'ca' })).toBe(
			'https://accounts.zohocloud.ca/oauth/v2/token',
		);
	});

	it('uses the custom accounts server, without a trailing slash', () => {
		const self = { dataCenter: 'custom', customAccountsServer: 'http://127.0.0.1:4010/' };
		expect(evaluate('authUrl', self)).toBe('http://127.0.0.1:4010/oauth/v2/auth');
		expect(evaluate('accessTokenUrl', self)).toBe('http://127.0.0.1:4010/oauth/v2/token');
	});

	it('defaults to least-privilege scopes covering notifications, records and module metadata, editable', () => {
		expect(property('scope').type).toBe('string');
		expect(DEFAULT_BIGIN_SCOPES.split(',')).toEqual([
			'ZohoBigin.notifications.ALL',
			'ZohoBigin.modules.ALL',
			'ZohoBigin.settings.modules.READ',
			'ZohoBigin.settings.fields.READ',
			'ZohoBigin.settings.layouts.READ',
			'ZohoSearch.securesearch.READ',
		]);
	});

	it("tells the user what to register in Zoho's API console", () => {
		const notice = String(property('setupNotice').displayName);
		expect(notice).toContain('Server-based Application');
		expect(notice).toContain('Redirect');
		expect(notice).toContain('Multi-DC');
	});
});
