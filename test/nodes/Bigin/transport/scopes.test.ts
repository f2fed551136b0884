import { DEFAULT_BIGIN_SCOPES } from '../../../../credentials/BiginOAuth2Api.credentials';
import type { RunningSimulator } from '../../../../tools/simulator';
import { startSimulator } from '../../../../tools/simulator';
import {
	describeScopes,
	missingScopeAdvice,
	scopesFor,
} from '../../../../nodes/Bigin/transport/scopes';

const scopeNames = (method: string, resource: string) =>
	scopesFor(method, resource).map((need) => need.scope);

describe('The scope each Bigin call needs', () => {
	it.each([
		['GET', 'actions/watch', ['ZohoBigin.notifications.READ']],
		['POST', 'actions/watch', ['ZohoBigin.notifications.CREATE']],
		['PUT', 'actions/watch', ['ZohoBigin.notifications.UPDATE']],
		['PATCH', 'actions/watch', ['ZohoBigin.notifications.UPDATE']],
		['DELETE', 'actions/watch?channel_ids=1', ['ZohoBigin.notifications.DELETE']],
		['GET', 'settings/fields?module=Contacts', ['ZohoBigin.settings.fields.READ']],
		['GET', 'settings/layouts', ['ZohoBigin.settings.layouts.READ']],
		['GET', 'settings/modules', ['ZohoBigin.settings.modules.READ']],
		['GET', 'users', ['ZohoBigin.users.READ']],
		['POST', 'coql', ['ZohoBigin.coql.READ']],
		['GET', 'Contacts/6756839000000575405', ['ZohoBigin.modules.contacts.READ']],
		['GET', 'Accounts', ['ZohoBigin.modules.accounts.READ']],
		['POST', 'Pipelines', ['ZohoBigin.modules.pipelines.CREATE']],
		['PUT', 'Contacts', ['ZohoBigin.modules.contacts.UPDATE']],
		['DELETE', 'Tasks?ids=1,2', ['ZohoBigin.modules.tasks.DELETE']],
		['GET', 'Contacts/actions/count', ['ZohoBigin.modules.contacts.READ']],
		[
			'GET',
			'Contacts/search?word=lopez',
			['ZohoBigin.modules.contacts.READ', 'ZohoSearch.securesearch.READ'],
		],
		['POST', 'Contacts/upsert', ['ZohoBigin.modules.contacts.CREATE']],
	])('%s %s needs %j', (method, resource, scopes) => {
		expect(scopeNames(method, resource)).toEqual(scopes);
	});

	it('names the wider scope that grants the same, as the default Scope has it', () => {
		expect(describeScopes(scopesFor('GET', 'settings/fields'))).toBe(
			'ZohoBigin.settings.fields.READ (or ZohoBigin.settings.ALL)',
		);
		expect(describeScopes(scopesFor('GET', 'Contacts/search'))).toBe(
			'ZohoBigin.modules.contacts.READ (or ZohoBigin.modules.ALL) and ZohoSearch.securesearch.READ (or ZohoSearch.securesearch.ALL)',
		);
	});

	it('says which call needs what, and where to add it', () => {
		const advice = missingScopeAdvice('GET', 'settings/fields?module=Contacts', 'Bigin account');
		expect(advice.needs).toBe(
			'GET settings/fields needs ZohoBigin.settings.fields.READ (or ZohoBigin.settings.ALL)',
		);
		expect(advice.fix).toBe(
			'Add ZohoBigin.settings.fields.READ to the Scope of "Bigin account" (Credentials, open it, Scope), then reconnect it: Zoho grants a scope only when the credential connects.',
		);
	});

	it("is granted by the credential's default Scope for every call the nodes make", () => {
		const granted = DEFAULT_BIGIN_SCOPES.split(',').map((scope) => scope.toLowerCase());
		const calls: Array<[string, string]> = [
			['GET', 'actions/watch'],
			['POST', 'actions/watch'],
			['PUT', 'actions/watch'],
			['DELETE', 'actions/watch'],
			['GET', 'settings/fields'],
			['GET', 'settings/layouts'],
			['GET', 'Contacts/1'],
			['GET', 'Contacts/search'],
			['GET', 'Contacts/actions/count'],
			['POST', 'Contacts'],
			['PUT', 'Contacts'],
			['POST', 'Contacts/upsert'],
			['DELETE', 'Contacts'],
			['GET', 'users'],
			['POST', 'coql'],
			['GET', 'Contacts/1/Products'],
			['PUT', 'Contacts/1/Products/2'],
			['DELETE', 'Contacts/1/Products/2'],
		];
		for (const [method, resource] of calls) {
			for (const need of scopesFor(method, resource)) {
				const grantedHere = [need.scope, need.orWider].some((scope) =>
					granted.includes(scope.toLowerCase()),
				);
				expect({ method, resource, need: need.scope, grantedHere }).toEqual({
					method,
					resource,
					need: need.scope,
					grantedHere: true,
				});
			}
		}
	});
});

/** Every call the nodes make but the Query API (whose module scope the query names), as the simulator checks it. */
const CALLS: Array<{ method: string; resource: string; body?: object }> = [
	{ method: 'GET', resource: 'actions/watch' },
	{ method: 'POST', resource: 'actions/watch', body: { watch: [] } },
	{ method: 'PUT', resource: 'actions/watch', body: { watch: [] } },
	{ method: 'DELETE', resource: 'actions/watch?channel_ids=1' },
	{ method: 'GET', resource: 'settings/fields?module=Contacts' },
	{ method: 'GET', resource: 'settings/layouts?module=Pipelines' },
	{ method: 'GET', resource: 'settings/modules' },
	{ method: 'GET', resource: 'Contacts?fields=Last_Name' },
	{ method: 'GET', resource: 'Accounts/1' },
	{ method: 'GET', resource: 'Contacts/search?word=lopez' },
	{ method: 'GET', resource: 'Tasks/actions/count' },
	{ method: 'POST', resource: 'Contacts', body: { data: [{ Last_Name: 'Scope' }] } },
	{ method: 'PUT', resource: 'Contacts', body: { data: [] } },
	{ method: 'POST', resource: 'Contacts/upsert', body: { data: [{ Last_Name: 'Scope' }] } },
	{ method: 'DELETE', resource: 'Products?ids=1' },
	{ method: 'GET', resource: 'users?type=ActiveUsers' },
	{ method: 'GET', resource: 'Contacts/1/Products?fields=Product_Name' },
	{ method: 'PUT', resource: 'Contacts/1/Products/2', body: { data: [{}] } },
	{ method: 'DELETE', resource: 'Contacts/1/Products/2' },
];

describe('The scope table against the simulator', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.stop());

	async function call(scopes: string[], method: string, resource: string, body?: object) {
		const token = (await (
			await fetch(`${sim.url}/_sim/tokens`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ scope: scopes.join(',') }),
			})
		).json()) as { access_token: string };
		const response = await fetch(`${sim.url}/bigin/v2/${resource}`, {
			method,
			headers: {
				authorization: `Bearer ${token.access_token}`,
				'content-type': 'application/json',
			},
			body: body ? JSON.stringify(body) : undefined,
		});
		const text = await response.text();
		return {
			status: response.status,
			code: text ? (JSON.parse(text) as { code?: string }).code : '',
		};
	}

	it.each(CALLS.map((entry) => [`${entry.method} ${entry.resource}`, entry]))(
		'%s passes with exactly the scopes named, and is refused without any one of them',
		async (_name, { method, resource, body }) => {
			const needed = scopeNames(method, resource);
			const granted = await call(needed, method, resource, body);
			expect(granted.code).not.toBe('OAUTH_SCOPE_MISMATCH');
			for (const missing of needed) {
				const others = needed.filter((scope) => scope !== missing);
				const refused = await call(
					others.length > 0 ? others : ['ZohoBigin.org.READ'],
					method,
					resource,
					body,
				);
				expect({ missing, status: refused.status, code: refused.code }).toEqual({
					missing,
					status: 401,
					code: 'OAUTH_SCOPE_MISMATCH',
				});
			}
		},
	);
});
