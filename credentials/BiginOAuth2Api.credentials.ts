import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import {
	BIGIN_DATA_CENTERS,
	CUSTOM_DATA_CENTER,
	accountsServerExpression,
} from './biginDataCenters';

export const DEFAULT_BIGIN_SCOPES = [
	'ZohoBigin.notifications.ALL',
	'ZohoBigin.modules.ALL',
	'ZohoBigin.settings.modules.READ',
	'ZohoBigin.settings.fields.READ',
].join(',');

const dataCenterOptions = [
	...Object.entries(BIGIN_DATA_CENTERS).map(([value, dc]) => ({ name: dc.name, value })),
	{ name: 'Custom (Enter the Accounts Server URL)', value: CUSTOM_DATA_CENTER },
].sort((a, b) => a.name.localeCompare(b.name));

export class BiginOAuth2Api implements ICredentialType {
	name = 'biginOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Bigin OAuth2 API';

	icon: Icon = { light: 'file:bigin.svg', dark: 'file:bigin.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-bigin/n8n-nodes-bigin#credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				"In the Zoho API Console (api-console.zoho.com, or your data centre's console) add a <b>Server-based Application</b>, paste the OAuth Redirect URL shown above as its <b>Authorized Redirect URI</b>, and copy its Client ID and Client Secret into the fields above (n8n lists them first). If your Bigin account lives outside the US, enable <b>Multi-DC</b> for that data centre in the console's Settings tab.",
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Data Centre',
			name: 'dataCenter',
			type: 'options',
			options: dataCenterOptions,
			default: 'us',
			description:
				'Where your Bigin account is hosted: the domain you see in the address bar when you use Bigin (bigin.zoho.eu means Europe)',
		},
		{
			displayName: 'Accounts Server URL',
			name: 'customAccountsServer',
			type: 'string',
			default: '',
			placeholder: 'https://accounts.zoho.com',
			required: true,
			displayOptions: { show: { dataCenter: [CUSTOM_DATA_CENTER] } },
			description:
				'Base URL of the Zoho accounts server to authorize against, for a data centre not listed above, a proxy, or the local Bigin simulator',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ ${accountsServerExpression()} + "/oauth/v2/auth" }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ ${accountsServerExpression()} + "/oauth/v2/token" }}`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: DEFAULT_BIGIN_SCOPES,
			description:
				'Comma-separated Zoho scopes. The default covers notification channels, reading and writing records, and reading module and field metadata. Narrow it (for example to ZohoBigin.notifications.ALL,ZohoBigin.modules.contacts.READ) if you only watch some modules.',
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
}
