import { BIGIN_DATA_CENTERS } from '../../../../credentials/biginDataCenters';
import { biginApiUrl, resolveApiDomain } from '../../../../nodes/Bigin/transport/apiDomain';

describe('API domain resolution', () => {
	it('prefers the api_domain Zoho returned with the token', () => {
		expect(
			resolveApiDomain({
				dataCenter: 'us',
				oauthTokenData: { api_domain: 'https://www.zohoapis.eu/' },
			}),
		).toBe('https://www.zohoapis.eu');
	});

	it.each(Object.entries(BIGIN_DATA_CENTERS))(
		"falls back to the %s data centre's API domain",
		(key, dc) => {
			expect(resolveApiDomain({ dataCenter: key, oauthTokenData: {} })).toBe(dc.apiDomain);
		},
	);

	it('uses www.zohoapis.ca for Canada, not zohocloud', () => {
		expect(resolveApiDomain({ dataCenter: 'ca' })).toBe('https://www.zohoapis.ca');
	});

	it('falls back to the custom accounts server for the custom data centre', () => {
		expect(
			resolveApiDomain({ dataCenter: 'custom', customAccountsServer: 'http://127.0.0.1:4010/' }),
		).toBe('http://127.0.0.1:4010');
	});

	it('never looks at resource_uri', () => {
		const credentials = {
			dataCenter: 'eu',
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
