import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { connectionProblem } from './biginConnectionCheck';
import {
	BIGIN_DATA_CENTERS,
	CUSTOM_AUTHORIZATION_URL,
	accessTokenUrlExpression,
	apiDomainExpression,
	authorizationUrlOf,
} from './biginDataCenters';

export const DEFAULT_BIGIN_SCOPES = [
	'ZohoBigin.notifications.ALL',
	'ZohoBigin.modules.ALL',
	'ZohoBigin.settings.modules.READ',
	'ZohoBigin.settings.fields.READ',
	'ZohoBigin.settings.layouts.READ',
	// The org's active users: the Owner picker of the field mapper and of Get Many.
	'ZohoBigin.users.READ',
	'ZohoSearch.securesearch.READ',
	'ZohoBigin.coql.READ',
].join(',');

const dataCenterOptions = [
	...Object.values(BIGIN_DATA_CENTERS).map((dc) => ({
		name: dc.name,
		value: authorizationUrlOf(dc),
	})),
	{ name: 'Custom (Edit the Authorization URL)', value: CUSTOM_AUTHORIZATION_URL },
].sort((a, b) => a.name.localeCompare(b.name));

export class BiginOAuth2Api implements ICredentialType {
	name = 'biginOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Bigin OAuth2 API';

	icon: Icon = { light: 'file:bigin.svg', dark: 'file:bigin.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-bigin/n8n-nodes-bigin#credentials';

	/**
	 * n8n lists an extending credential's fields in the order of oAuth2Api's own fields and appends
	 * new ones, so the notice and the Data Centre take over inherited fields that come before
	 * Client ID: `serverUrl` (read only for dynamic client registration, which stays off) and
	 * `authUrl`, whose options are the data centres' authorization URLs; the token URL follows it.
	 */
	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName:
				"In the Zoho API Console (api-console.zoho.com, or your data centre's console) add a <b>Server-based Application</b>, paste the OAuth Redirect URL shown above as its <b>Authorized Redirect URI</b>, and copy its Client ID and Client Secret into the fields below. If your Bigin account lives outside the US, enable <b>Multi-DC</b> for that data centre in the console's Settings tab.",
			name: 'serverUrl',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Data Centre',
			name: 'authUrl',
			type: 'options',
			options: dataCenterOptions,
			default: authorizationUrlOf(BIGIN_DATA_CENTERS.us),
			description:
				"Where your Bigin account is hosted: the domain you see in the address bar when you use Bigin (bigin.zoho.eu means Europe). For an accounts server not listed (a proxy, another Zoho data centre, the local Bigin simulator) choose Custom and change the URL's host to it.",
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: accessTokenUrlExpression(),
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: DEFAULT_BIGIN_SCOPES,
			description:
				"Comma-separated Zoho scopes. The default covers notification channels, reading, searching, querying (ZohoBigin.coql.READ: the trigger reads a notification's records in one call instead of one call each) and writing records, reading module, field and layout (Team Pipeline) metadata, and listing the users of the org (to pick the owner of a record). Narrow it (for example to ZohoBigin.notifications.ALL,ZohoBigin.modules.contacts.READ) if you only watch some modules.",
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: 'access_type=offline&prompt=consent',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];

	/**
	 * Runs before every request n8n signs with this credential (n8n 2.x), the credential test
	 * included: a credential whose connection Zoho refused fails here with the reason, instead of
	 * with "Unable to sign without access token".
	 */
	async preAuthentication(credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const problem = connectionProblem(credentials);
		if (problem) throw new Error(problem);
		return {};
	}

	/**
	 * Lists the notification channels: it needs only ZohoBigin.notifications.READ, which every use
	 * of this package needs, so a narrowed Scope passes too. n8n refreshes the token on a 401
	 * before the rules apply, so a 401 here is Bigin refusing a fresh token.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ${apiDomainExpression()} }}`,
			url: '/bigin/v2/actions/watch',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Bigin refused the access token even after n8n refreshed it (HTTP 401). Either the grant was revoked or has expired, or the Data Centre is not the one that issued it: reconnect. Or the Scope lacks what GET actions/watch needs, ZohoBigin.notifications.READ (or ZohoBigin.notifications.ALL): add it to Scope, then reconnect: Zoho grants a scope only when the credential connects.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						"Bigin answered 403: the Zoho user who connected this credential may not use Bigin's notification API. Reconnect as a user whose Bigin profile allows it.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						"No Bigin API at the credential's API domain (HTTP 404): the Data Centre or the custom Accounts Server URL is not one where Bigin runs.",
				},
			},
		],
	};
}
