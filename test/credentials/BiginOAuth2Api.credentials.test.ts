import type { INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { BiginOAuth2Api, DEFAULT_BIGIN_SCOPES } from '../../credentials/BiginOAuth2Api.credentials';
import {
	BIGIN_DATA_CENTERS,
	CUSTOM_AUTHORIZATION_URL,
	authorizationUrlOf,
} from '../../credentials/biginDataCenters';
import { customAccountsServerFields } from '../../tools/n8n/simulatorCredential';
import { pickedDataCentre } from '../support/dataCentres';

const credential = new BiginOAuth2Api();
const property = (name: string) =>
	credential.properties.find((p) => p.name === name) as INodeProperties;

/** Evaluates a `={{ … }}` value the way n8n does for a credential, with `$self` as its stored fields. */
function evaluate(value: unknown, self: Record<string, unknown>): string {
	const expression = String(value)
		.replace(/^=\{\{/, '')
		.replace(/\}\}$/, '');
	return new Function('$self', `return (${expression});`)(self) as string;
}

/** A credential field as n8n's OAuth2 flow reads it: expressions resolved over the stored fields. */
function resolved(name: string, self: Record<string, unknown>): string {
	const value = self[name] ?? property(name).default;
	if (typeof value !== 'string' || !value.startsWith('=')) return String(value);
	return value.startsWith('={{') ? evaluate(value, self) : value.slice(1);
}

/**
 * n8n's oAuth2Api fields in their order (n8n 2.40.7). n8n shows an extending credential's fields
 * in this order, then appends the ones oAuth2Api lacks.
 */
const OAUTH2_API_FIELD_ORDER = [
	'useDynamicClientRegistration',
	'grantType',
	'serverUrl',
	'authUrl',
	'accessTokenUrl',
	'clientId',
	'clientCredentialType',
	'clientSecret',
	'privateKey',
	'certificate',
	'scope',
	'authQueryParameters',
	'authentication',
];

/** oAuth2Api fields the dialog never shows: hidden, or shown only for dynamic client registration. */
const OAUTH2_API_HIDDEN_ANCHORS = [
	'useDynamicClientRegistration',
	'clientCredentialType',
	'privateKey',
	'certificate',
];

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

	it('shows the setup notice, then the Data Centre, before Client ID and Client Secret', () => {
		const inherited = OAUTH2_API_FIELD_ORDER.map(
			(name): INodeProperties => ({ displayName: name, name, type: 'string', default: '' }),
		);
		NodeHelpers.mergeNodeProperties(inherited, credential.properties);
		const shown = inherited
			.filter((p) => p.type !== 'hidden' && !OAUTH2_API_HIDDEN_ANCHORS.includes(p.name))
			.map((p) => (p.type === 'notice' ? 'setup notice' : p.displayName));
		expect(shown).toEqual(['setup notice', 'Data Centre', 'clientId', 'clientSecret', 'Scope']);
	});

	it('keeps dynamic client registration off, so the notice in its Server URL field is never read', () => {
		expect(credential.properties.some((p) => p.name === 'useDynamicClientRegistration')).toBe(
			false,
		);
		expect(property('serverUrl').default).toBe('');
	});

	it('offers all eight Bigin data centres plus a custom accounts server', () => {
		const values = (property('authUrl').options as Array<{ value: string }>).map((o) => o.value);
		expect(values.sort()).toEqual(
			[
				...Object.values(BIGIN_DATA_CENTERS).map(authorizationUrlOf),
				CUSTOM_AUTHORIZATION_URL,
			].sort(),
		);
		expect(property('authUrl').default).toBe('https://accounts.zoho.com/oauth/v2/auth');
	});

	it("opens Custom as the US authorization URL in n8n's expression mode, for the user to edit", () => {
		expect(CUSTOM_AUTHORIZATION_URL).toBe('=https://accounts.zoho.com/oauth/v2/auth');
	});

	it.each(Object.keys(BIGIN_DATA_CENTERS))(
		'points the OAuth2 URLs at the %s accounts server',
		(key) => {
			const { accountsServer } = BIGIN_DATA_CENTERS[key];
			const self = pickedDataCentre(key);
			expect(resolved('authUrl', self)).toBe(`${accountsServer}/oauth/v2/auth`);
			expect(resolved('accessTokenUrl', self)).toBe(`${accountsServer}/oauth/v2/token`);
		},
	);

	it("uses Canada's zohocloud.ca accounts server", () => {
		expect(resolved('accessTokenUrl', pickedDataCentre('ca'))).toBe(
			'https://accounts.zohocloud.ca/oauth/v2/token',
		);
	});

	it.each([
		['as typed', { authUrl: '=http://127.0.0.1:4010/oauth/v2/auth' }],
		['as the dev and test scripts store it', customAccountsServerFields('http://127.0.0.1:4010/')],
	])('follows a custom authorization URL with its token URL (%s)', (_, self) => {
		expect(resolved('authUrl', self)).toBe('http://127.0.0.1:4010/oauth/v2/auth');
		expect(resolved('accessTokenUrl', self)).toBe('http://127.0.0.1:4010/oauth/v2/token');
	});

	it('defaults to least-privilege scopes covering notifications, records, queries, module metadata and the users of the org, editable', () => {
		expect(property('scope').type).toBe('string');
		expect(DEFAULT_BIGIN_SCOPES.split(',')).toEqual([
			'ZohoBigin.notifications.ALL',
			'ZohoBigin.modules.ALL',
			'ZohoBigin.settings.modules.READ',
			'ZohoBigin.settings.fields.READ',
			'ZohoBigin.settings.layouts.READ',
			'ZohoBigin.users.READ',
			'ZohoSearch.securesearch.READ',
			'ZohoBigin.coql.READ',
		]);
	});

	it("tells the user what to register in Zoho's API console", () => {
		const notice = String(property('serverUrl').displayName);
		expect(notice).toContain('Server-based Application');
		expect(notice).toContain('Redirect');
		expect(notice).toContain('Multi-DC');
	});
});
