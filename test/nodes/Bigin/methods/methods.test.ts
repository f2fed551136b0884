import type { IDataObject, ILoadOptionsFunctions, INode } from 'n8n-workflow';

import type { RunningSimulator } from '../../../../tools/simulator';
import { startSimulator } from '../../../../tools/simulator';
import type { Credentials, RequestRecorder } from '../../../../tools/contexts/nodeHarness';
import {
	oauthHttp,
	silentLogger,
	simulatorCredentials,
	testNode,
} from '../../../../tools/contexts/nodeHarness';
import { listSearch, loadOptions, resourceMapping } from '../../../../nodes/Bigin/methods';

describe("Bigin node's methods (loadOptions, listSearch, resourceMapping), against the simulator", () => {
	let sim: RunningSimulator;
	let credentials: Credentials;
	let recorder: RequestRecorder;

	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.stop());
	beforeEach(async () => {
		sim.state.reset();
		credentials = await simulatorCredentials(sim);
		recorder = { requests: [], refreshes: 0 };
	});

	const withCredential = { biginOAuth2Api: { id: 'cred-1', name: 'Bigin account' } };

	/**
	 * What n8n hands a method: the node's current parameters, the path of the one loading, and the
	 * node's credential as the editor has it at that moment (none, on a node that just opened).
	 */
	function context(
		parameters: IDataObject,
		path = 'parameters.x',
		credentialsOfNode: INode['credentials'] = withCredential,
	): ILoadOptionsFunctions {
		const node = testNode('bigin', { credentials: credentialsOfNode });
		return {
			getNode: () => node,
			getCredentials: async () => credentials,
			logger: silentLogger,
			getCurrentNodeParameter: (name: string) => {
				const resolved = name.startsWith('&')
					? `${path.split('.').slice(1, -1).join('.')}.${name.slice(1)}`
					: name;
				return resolved
					.replace(/\[(\d+)\]/g, '.$1')
					.split('.')
					.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], parameters);
			},
			helpers: { httpRequestWithAuthentication: oauthHttp(node, credentials, recorder) },
		} as unknown as ILoadOptionsFunctions;
	}

	it("lists a module's fields, custom ones included", async () => {
		const options = await loadOptions.getFields.call(context({ module: 'Contacts' }));
		const values = options.map((option) => option.value);
		expect(values).toEqual(
			expect.arrayContaining(['Last_Name', 'Email', 'Customer_Tier', 'Loyalty_Points']),
		);
		expect(options.find((option) => option.value === 'Loyalty_Points')?.description).toBe(
			'Whole number, API name Loyalty_Points',
		);
		expect(options.find((option) => option.value === 'Interests')?.description).toBe(
			'Multi-select pick list, API name Interests',
		);
		expect(options.find((option) => option.value === 'Owner')?.description).toBe(
			'User (owner), API name Owner',
		);
	});

	it("offers conditions only on the fields Bigin's metadata marks searchable", async () => {
		const options = await loadOptions.getSearchableFields.call(context({ module: 'Contacts' }));
		const values = options.map((option) => option.value);
		expect(values).toEqual(expect.arrayContaining(['Last_Name', 'Email', 'Owner', 'Description']));
		expect(values).not.toContain('Record_Image');
	});

	it("offers the org's active users as Get Many's owners, by user ID", async () => {
		const options = await loadOptions.getActiveUsers.call(context({ module: 'Contacts' }));
		expect(options).toEqual([
			{ name: 'Priya Partner (priya@bigin-simulator.example)', value: '6756839000000311017' },
			{ name: 'Sam Simulator (sam@bigin-simulator.example)', value: '6756839000000311001' },
		]);
	});

	it("offers the operators that fit the condition's field", async () => {
		const parameters = {
			module: 'Contacts',
			conditions: { condition: [{ field: 'Email' }, { field: 'Loyalty_Points' }] },
		};
		const forEmail = await loadOptions.getOperators.call(
			context(parameters, 'parameters.conditions.condition[0].operator'),
		);
		expect(forEmail.map((option) => option.value)).toEqual([
			'equals',
			'not_equal',
			'starts_with',
			'in',
		]);
		const forPoints = await loadOptions.getOperators.call(
			context(parameters, 'parameters.conditions.condition[1].operator'),
		);
		expect(forPoints.map((option) => option.value)).toContain('between');
		expect(forPoints.map((option) => option.value)).not.toContain('starts_with');
	});

	it("offers as filter fields those Bigin's Query API compares, and the comparators that fit each", async () => {
		const fields = await loadOptions.getFilterFields.call(context({ module: 'Contacts' }));
		const names = fields.map((option) => option.value);
		expect(names).toEqual(expect.arrayContaining(['Last_Name', 'Loyalty_Points', 'Owner']));
		expect(names).not.toContain('Description');
		const parameters = {
			module: 'Contacts',
			filters: { filter: [{ field: 'Loyalty_Points' }, { field: 'Email_Opt_Out' }, {}] },
		};
		const comparators = async (index: number) =>
			(
				await loadOptions.getFilterComparators.call(
					context(parameters, `parameters.filters.filter[${index}].comparator`),
				)
			).map((option) => option.value);
		expect(await comparators(0)).toEqual(
			expect.arrayContaining(['between', 'greater_equal', 'not_in', 'is_empty']),
		);
		expect(await comparators(0)).not.toContain('contains');
		expect(await comparators(1)).toEqual(['equals', 'not_equal']);
		expect(await comparators(2)).toHaveLength(14);
	});

	it('loads Team Pipelines, then only the sub-pipelines and stages that belong to the chosen one', async () => {
		const teams = await loadOptions.getTeamPipelines.call(context({ module: 'Pipelines' }));
		expect(teams.map((team) => team.name)).toEqual(['Sales Pipeline', 'Partnerships', 'Renewals']);
		const partnerships = String(teams[1].value);
		const subs = await loadOptions.getSubPipelines.call(
			context({ module: 'Pipelines', teamPipeline: partnerships }),
		);
		expect(subs.map((sub) => sub.value)).toEqual(['Partner Onboarding']);
		const stages = await loadOptions.getStages.call(
			context({
				module: 'Pipelines',
				teamPipeline: partnerships,
				subPipeline: 'Partner Onboarding',
			}),
		);
		expect(stages.map((stage) => stage.value)).toEqual([
			'Prospect',
			'Agreement Sent',
			'Onboarding',
			'Active Partner',
			'Closed Lost',
		]);
		const mismatched = await loadOptions.getStages.call(
			context({
				module: 'Pipelines',
				teamPipeline: partnerships,
				subPipeline: 'Sales Pipeline Standard',
			}),
		);
		expect(mismatched).toEqual([]);
	});

	it('maps writable fields with types, required marks, picklist options and custom fields', async () => {
		const { fields } = await resourceMapping.getMappingFields.call(
			context({ module: 'Contacts', operation: 'create' }),
		);
		const byId = Object.fromEntries(fields.map((field) => [field.id, field]));
		expect(byId.Last_Name).toMatchObject({
			required: true,
			type: 'string',
			canBeUsedToMatch: true,
		});
		expect(byId.Email).toMatchObject({ required: false, defaultMatch: true });
		expect(byId.Loyalty_Points).toMatchObject({
			type: 'number',
			displayName: 'Loyalty Points (custom)',
		});
		expect(byId.Email_Opt_Out.type).toBe('boolean');
		expect(byId.Interests.type).toBe('array');
		expect(byId.Customer_Tier).toMatchObject({
			type: 'options',
			options: expect.arrayContaining([{ name: 'Gold', value: 'Gold' }]),
		});
		expect(byId.Full_Name).toBeUndefined();
		expect(byId.Created_Time).toBeUndefined();
	});

	it("offers what Bigin's view_type lets a create write: Owner (the org's active users) and Tag, no audit fields", async () => {
		const { fields } = await resourceMapping.getMappingFields.call(
			context({ module: 'Contacts', operation: 'create' }),
		);
		const byId = Object.fromEntries(fields.map((field) => [field.id, field]));
		expect(byId.Owner).toMatchObject({
			displayName: 'Contact Owner',
			type: 'options',
			options: [
				{ name: 'Priya Partner (priya@bigin-simulator.example)', value: '6756839000000311017' },
				{ name: 'Sam Simulator (sam@bigin-simulator.example)', value: '6756839000000311001' },
			],
		});
		expect(byId.Tag).toMatchObject({ type: 'string' });
		expect(byId.Record_Image).toBeDefined();
		for (const computed of [
			'Created_By',
			'Modified_By',
			'Created_Time',
			'Modified_Time',
			'Full_Name',
			'Last_Activity_Time',
			'Unsubscribed_Mode',
		]) {
			expect(byId[computed]).toBeUndefined();
		}
		const users = recorder.requests.filter((request) => String(request.url).endsWith('/users'));
		expect(users.map((request) => request.qs)).toEqual([
			{ type: 'ActiveUsers', page: 1, per_page: 200 },
		]);
	});

	it('offers Owner and Tag on Update and on Create or Update too', async () => {
		for (const operation of ['update', 'upsert']) {
			const { fields } = await resourceMapping.getMappingFields.call(
				context({ module: 'Tasks', operation }),
			);
			expect(fields.map((field) => field.id)).toEqual(expect.arrayContaining(['Owner', 'Tag']));
			expect(fields.map((field) => field.id)).not.toContain('Created_Time');
		}
	});

	it('takes Owner as a user ID when the credential cannot list users, and still loads the rest', async () => {
		credentials = await simulatorCredentials(
			sim,
			'ZohoBigin.modules.ALL,ZohoBigin.settings.fields.READ',
		);
		const { fields } = await resourceMapping.getMappingFields.call(
			context({ module: 'Contacts', operation: 'create' }),
		);
		const owner = fields.find((field) => field.id === 'Owner');
		expect(owner).toMatchObject({ displayName: 'Contact Owner (user ID)', type: 'string' });
		expect(fields.map((field) => field.id)).toContain('Last_Name');
	});

	it('marks nothing required on Update, and leaves the pipeline placement to its own parameters', async () => {
		const { fields } = await resourceMapping.getMappingFields.call(
			context({ module: 'Pipelines', operation: 'update' }),
		);
		expect(fields.every((field) => !field.required)).toBe(true);
		expect(fields.map((field) => field.id)).not.toEqual(expect.arrayContaining(['Stage']));
		expect(fields.map((field) => field.id)).not.toContain('Sub_Pipeline');
		expect(fields.find((field) => field.id === 'Closing_Date')?.type).toBe('dateTime');
	});

	it("offers the fields of the chosen related list's records", async () => {
		const fields = await loadOptions.getRelatedListFields.call(
			context({ module: 'Accounts', relatedList: 'Contacts' }),
		);
		expect(fields.map((field) => field.value)).toEqual(
			expect.arrayContaining(['Last_Name', 'Email', 'Loyalty_Points']),
		);
		expect(recorder.requests.map((request) => request.qs)).toEqual([{ module: 'Contacts' }]);
	});

	it('lists products to link, whatever module the node is set to', async () => {
		const products = await listSearch.searchProducts.call(context({ module: 'Contacts' }));
		const names = products.results.map((result) => result.name);
		expect(names.length).toBeGreaterThan(0);
		expect(String(recorder.requests[0].url)).toMatch(/\/Products$/);
	});

	it('lists records to pick from, page by page, and searches by word as the user types', async () => {
		const first = await listSearch.searchRecords.call(context({ module: 'Contacts' }));
		expect(first.results.length).toBeGreaterThan(0);
		expect(first.results[0]).toEqual({
			name: expect.any(String),
			value: expect.stringMatching(/^\d+$/),
		});
		const found = await listSearch.searchRecords.call(context({ module: 'Contacts' }), 'Lopez');
		expect(found.results.map((result) => result.name)).toEqual(['Maria Lopez']);
	});

	describe('when Bigin cannot answer, an empty list says why', () => {
		it('the field mapper, asked before n8n attached the credential, says so and asks Bigin nothing', async () => {
			const result = await resourceMapping.getMappingFields.call(
				context({ module: 'Contacts', operation: 'create' }, 'parameters.columns', {}),
			);
			expect(result.fields).toEqual([]);
			expect(result.emptyFieldsNotice).toContain('before it had attached a credential');
			expect(result.emptyFieldsNotice).toContain('Retry');
			expect(recorder.requests).toHaveLength(0);
		});

		it('a list, asked before the credential, says to choose one', async () => {
			await expect(
				loadOptions.getFields.call(context({ module: 'Contacts' }, 'parameters.fields', {})),
			).rejects.toThrow('No Bigin credential yet: choose or connect a Bigin credential above');
			await expect(
				listSearch.searchRecords.call(context({ module: 'Contacts' }, 'parameters.x', {})),
			).rejects.toThrow('No Bigin credential yet');
		});

		it('the field mapper names the scope the credential lacks, and where to add it', async () => {
			credentials = await simulatorCredentials(
				sim,
				'ZohoBigin.notifications.ALL,ZohoBigin.modules.ALL',
			);
			const result = await resourceMapping.getMappingFields.call(
				context({ module: 'Contacts', operation: 'create' }),
			);
			expect(result.fields).toEqual([]);
			expect(result.emptyFieldsNotice).toBe(
				'Bigin\'s fields of Contacts could not be read. Bigin error OAUTH_SCOPE_MISMATCH: invalid oauth scope to access this URL. GET settings/fields needs ZohoBigin.settings.fields.READ (or ZohoBigin.settings.ALL). Add ZohoBigin.settings.fields.READ to the Scope of "Bigin account" (Credentials, open it, Scope), then reconnect it: Zoho grants a scope only when the credential connects.',
			);
		});

		it('a list names the scope too, in the one message the editor shows', async () => {
			credentials = await simulatorCredentials(sim, 'ZohoBigin.notifications.ALL');
			await expect(listSearch.searchRecords.call(context({ module: 'Contacts' }))).rejects.toThrow(
				/GET Contacts needs ZohoBigin\.modules\.contacts\.READ \(or ZohoBigin\.modules\.ALL\)\. Add ZohoBigin\.modules\.contacts\.READ to the Scope of "Bigin account"/,
			);
		});

		it('the field mapper says so when Bigin lists no writable fields', async () => {
			const result = await resourceMapping.getMappingFields.call(
				context({ module: 'NoSuchModule', operation: 'create' }),
			);
			expect(result.fields).toEqual([]);
			expect(result.emptyFieldsNotice).toMatch(/NoSuchModule/);
		});
	});
});
