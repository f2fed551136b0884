import { BIGIN_DATA_CENTERS } from '../../../../credentials/biginDataCenters';
import { biginApiUrl, resolveApiDomain } from '../../../../nodes/Bigin/transport/apiDomain';
import { customAccountsServerFields } from '../../../../tools/n8n/simulatorCredential';
import { pickedDataCentre } from '../../../support/dataCentres';

describe('API domain resolution', () => {
	it('prefers the api_domain Zoho returned with the token', () => {
		expect(
			resolveApiDomain({
				...pickedDataCentre('us'),
				oauthTokenData: { api_domain: 'https://www.zohoapis.eu/' },
			}),
		).toBe('https://www.zohoapis.eu');
	});

	it.each(Object.entries(BIGIN_DATA_CENTERS))(
		"falls back to the %s data centre's API domain",
		(key, dc) => {
			expect(resolveApiDomain({ ...pickedDataCentre(key), oauthTokenData: {} })).toBe(dc.apiDomain);
		},
	);

	it('uses www.zohoapis.ca for Canada, not zohocloud', () => {
		expect(resolveApiDomain(pickedDataCentre('ca'))).toBe('https://www.zohoapis.ca');
	});

	it.each([
		['as stored', customAccountsServerFields('http://127.0.0.1:4010/')],
		['as n8n resolves it', { authUrl: 'http://127.0.0.1:4010/oauth/v2/auth' }],
	])('falls back to the custom accounts server (%s)', (_, credentials) => {
		expect(resolveApiDomain(credentials)).toBe('http://127.0.0.1:4010');
	});

	it('never looks at resource_uri', () => {
		const credentials = {
			...pickedDataCentre('eu'),
			oauthTokenData: { resource_uri: 'https://www.zohoapis.com/bigin/v1/Contacts' },
		};
		expect(resolveApiDomain(credentials)).toBe('https://www.zohoapis.eu');
	});

	it('builds v2 URLs below the domain', () => {
		expect(biginApiUrl('https://www.zohoapis.com', 'actions/watch')).toBe(
			'https://www.zohoapis.com/bigin/v2/actions/watch',
		);
		expect(biginApiUrl('https://www.zohoapis.com', '/Contacts/1')).toBe(
			'https://www.zohoapis.com/bigin/v2/Contacts/1',
		);
	});
});
