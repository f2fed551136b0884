import { MODULE_FIELDS } from '../../../tools/simulator/fields';
import type { SimulatorFixture } from '../../support/simulatorFixture';
import { useSimulator } from '../../support/simulatorFixture';

/** The modules with a records API. */
const MODULES = [
	'Contacts',
	'Accounts',
	'Pipelines',
	'Products',
	'Tasks',
	'Events',
	'Calls',
	'Notes',
];

interface FieldMetadata {
	api_name: string;
	data_type: string;
	json_type: string;
	system_mandatory: boolean;
	read_only: boolean;
	field_read_only: boolean;
	view_type: { view: boolean; edit: boolean; quick_create: boolean; create: boolean };
	custom_field: boolean;
	pick_list_values: Array<{ display_value: string; actual_value: string }>;
	lookup: { module?: { api_name: string } };
}

describe('Bigin simulator: settings API', () => {
	let client: SimulatorFixture['client'];
	let token: string;
	useSimulator((fixture) => ({ client, token } = fixture));

	const fieldsOf = async (module: string): Promise<FieldMetadata[]> => {
		const response = await client.request('GET', `/bigin/v2/settings/fields?module=${module}`, {
			token,
		});
		expect(response.status).toBe(200);
		return response.body.fields;
	};

	it('describes every field of every module in Zoho CRM’s shape', async () => {
		for (const module of MODULES) {
			const fields = await fieldsOf(module);
			expect(fields.length).toBeGreaterThan(3);
			for (const field of fields) {
				expect(field).toEqual(
					expect.objectContaining({
						api_name: expect.any(String),
						field_label: expect.any(String),
						display_label: expect.any(String),
						data_type: expect.any(String),
						json_type: expect.any(String),
						system_mandatory: expect.any(Boolean),
						read_only: expect.any(Boolean),
						custom_field: expect.any(Boolean),
						length: expect.any(Number),
						visible: true,
						pick_list_values: expect.any(Array),
						lookup: expect.any(Object),
					}),
				);
			}
		}
	});

	it('covers every field the seeded records carry, but the ones the layout leaves unused', async () => {
		for (const module of MODULES) {
			const names = new Set((await fieldsOf(module)).map((field) => field.api_name));
			const unused = MODULE_FIELDS[module]
				.filter((field) => field.unused)
				.map((field) => field.api_name);
			const { data } = await client.control('GET', `records/${module}`);
			for (const record of data) {
				const unknown = Object.keys(record).filter(
					(name) => name !== 'id' && !name.startsWith('$') && !names.has(name),
				);
				expect({ module, unknown: unknown.filter((name) => !unused.includes(name)) }).toEqual({
					module,
					unknown: [],
				});
			}
		}
		const contacts = (await fieldsOf('Contacts')).map((field) => field.api_name);
		expect(contacts).not.toContain('Department');
		const whole = await client.request('GET', `/bigin/v2/Contacts/search?word=Lopez`, { token });
		expect(whole.body.data[0]).toHaveProperty('Department', null);
	});

	it('marks mandatory fields, read-only ones and custom ones with their types', async () => {
		const contacts = await fieldsOf('Contacts');
		const byName = Object.fromEntries(contacts.map((field) => [field.api_name, field]));
		expect(byName.Last_Name).toMatchObject({ system_mandatory: true, data_type: 'text' });
		expect(byName.Created_Time).toMatchObject({ data_type: 'datetime' });
		expect(byName.Customer_Tier).toMatchObject({
			custom_field: true,
			data_type: 'picklist',
			json_type: 'string',
		});
		expect(byName.Customer_Tier.pick_list_values).toContainEqual(
			expect.objectContaining({ display_value: 'Gold', actual_value: 'Gold', sequence_number: 3 }),
		);
		expect(byName.Loyalty_Points).toMatchObject({
			custom_field: true,
			data_type: 'integer',
			json_type: 'integer',
		});
		expect(byName.Interests).toMatchObject({
			custom_field: true,
			data_type: 'multiselectpicklist',
			json_type: 'jsonarray',
		});
		expect(byName.Account_Name).toMatchObject({
			data_type: 'lookup',
			json_type: 'jsonobject',
			lookup: { module: { api_name: 'Accounts' } },
		});
		expect(byName.Owner.data_type).toBe('ownerlookup');

		const pipelines = Object.fromEntries(
			(await fieldsOf('Pipelines')).map((field) => [field.api_name, field]),
		);
		expect(pipelines.Renewal_Date).toMatchObject({ custom_field: true, data_type: 'date' });
		expect(pipelines.Stage.system_mandatory).toBe(true);
		expect(pipelines.Amount.data_type).toBe('currency');
	});

	it('answers a missing or unknown module as Bigin does', async () => {
		const missing = await client.request('GET', '/bigin/v2/settings/fields', { token });
		expect(missing.status).toBe(400);
		expect(missing.body).toMatchObject({
			code: 'REQUIRED_PARAM_MISSING',
			details: { param: 'module' },
		});
		const unknown = await client.request('GET', '/bigin/v2/settings/fields?module=Deals', {
			token,
		});
		expect(unknown.status).toBe(400);
		expect(unknown.body.code).toBe('INVALID_MODULE');
	});

	it.each([
		['ZohoBigin.settings.fields.READ', 200],
		['ZohoBigin.settings.fields.ALL', 200],
		['ZohoBigin.settings.ALL', 200],
		['ZohoBigin.settings.modules.READ', 401],
		['ZohoBigin.modules.ALL', 401],
	])('reads field metadata with scope %s: %i', async (scope, status) => {
		const scoped = await client.token(scope);
		const response = await client.request('GET', '/bigin/v2/settings/fields?module=Contacts', {
			token: scoped,
		});
		expect(response.status).toBe(status);
		if (status === 401) expect(response.body.code).toBe('OAUTH_SCOPE_MISMATCH');
	});

	it('lists the org’s modules as recorded: Social without API, the subform, Notes, Attachments', async () => {
		const response = await client.request('GET', '/bigin/v2/settings/modules', { token });
		const modules: Array<Record<string, unknown>> = response.body.modules;
		expect(modules.map((module) => module.api_name)).toEqual([
			'Contacts',
			'Accounts',
			'Pipelines',
			'Tasks',
			'Events',
			'Calls',
			'Products',
			'Social',
			'Associated_Products',
			'Notes',
			'Attachments',
		]);
		for (const module of modules) expect(Object.keys(module)).toHaveLength(43);
		const byName = Object.fromEntries(modules.map((module) => [module.api_name, module]));
		expect(byName.Accounts).toMatchObject({ plural_label: 'Companies', api_supported: true });
		expect(byName.Social).toMatchObject({ api_supported: false, creatable: false });
		expect(byName.Associated_Products).toMatchObject({
			module_name: 'LinkingModule1',
			generated_type: 'subform',
			parent_module: { api_name: 'Pipelines' },
		});
	});

	it('describes each field with the 55 keys Bigin gives, in Bigin’s key order', async () => {
		const fields = await fieldsOf('Contacts');
		const owner = fields.find((field) => field.api_name === 'Owner') as unknown as Record<
			string,
			unknown
		>;
		expect(Object.keys(owner)).toHaveLength(55);
		expect(Object.keys(owner).slice(0, 4)).toEqual([
			'webhook',
			'colour_code_enabled_by_system',
			'field_label',
			'tooltip',
		]);
		expect(owner).toMatchObject({
			searchable: true,
			type: 'used',
			profiles: [
				expect.objectContaining({ name: 'Administrator', permission_type: 'read_write' }),
				expect.objectContaining({ name: 'Standard', permission_type: 'read_write' }),
			],
			lookup: {},
		});
		const description = fields.find((field) => field.api_name === 'Description');
		expect(description).toMatchObject({ textarea: { type: 'large' }, sortable: false });
	});

	it('has the standard fields of the recorded org, in its order', async () => {
		const contacts = (await fieldsOf('Contacts')).map((field) => field.api_name);
		expect(contacts.slice(0, 27)).toEqual([
			'Owner',
			'First_Name',
			'Last_Name',
			'Account_Name',
			'Email',
			'Title',
			'Phone',
			'Home_Phone',
			'Mobile',
			'Created_By',
			'Modified_By',
			'Created_Time',
			'Modified_Time',
			'Full_Name',
			'Mailing_Street',
			'Mailing_City',
			'Mailing_State',
			'Mailing_Zip',
			'Mailing_Country',
			'Description',
			'Email_Opt_Out',
			'Last_Activity_Time',
			'Tag',
			'Record_Image',
			'Unsubscribed_Mode',
			'Unsubscribed_Time',
			'Record_Creation_Source_ID__s',
		]);
		const products = (await fieldsOf('Products')).map((field) => field.api_name);
		expect(products).toEqual(
			expect.arrayContaining(['Product_Category', 'Tag', 'Record_Image', 'Last_Activity_Time']),
		);
		const accounts = (await fieldsOf('Accounts')).map((field) => field.api_name);
		expect(accounts).toEqual(expect.arrayContaining(['Tag', 'Record_Image', 'Last_Activity_Time']));
	});

	it('says what a write may set as recorded: view_type, and Owner writable though field_read_only', async () => {
		const byName = Object.fromEntries(
			(await fieldsOf('Contacts')).map((field) => [field.api_name, field]),
		) as Record<string, FieldMetadata & Record<string, unknown>>;
		const flags = (name: string) => ({
			read_only: byName[name].read_only,
			field_read_only: byName[name].field_read_only,
			view_type: byName[name].view_type,
		});
		const unwritable = { view: true, edit: false, quick_create: false, create: false };
		expect(flags('Owner')).toEqual({
			read_only: false,
			field_read_only: true,
			view_type: { view: true, edit: true, quick_create: false, create: true },
		});
		for (const name of [
			'Created_By',
			'Modified_By',
			'Created_Time',
			'Modified_Time',
			'Full_Name',
			'Tag',
		])
			expect({ name, ...flags(name) }).toEqual({
				name,
				read_only: false,
				field_read_only: false,
				view_type: unwritable,
			});
		expect(flags('Last_Activity_Time')).toEqual({
			read_only: false,
			field_read_only: true,
			view_type: unwritable,
		});
		expect(flags('Unsubscribed_Mode')).toMatchObject({ read_only: true, field_read_only: true });
		expect(flags('Record_Image').view_type).toEqual({
			view: true,
			edit: true,
			quick_create: false,
			create: true,
		});
		expect(flags('First_Name').view_type).toEqual({
			view: false,
			edit: true,
			quick_create: true,
			create: true,
		});
		expect(byName.Tag).toMatchObject({ data_type: 'text', json_type: 'jsonarray', length: 2000 });
		expect(byName.Record_Image).toMatchObject({ data_type: 'profileimage', searchable: false });
	});

	it('lists the fields Bigin refuses in list reads among the fields, like any other', async () => {
		const names = async (module: string) => (await fieldsOf(module)).map((field) => field.api_name);
		expect(await names('Calls')).toEqual(expect.arrayContaining(['CTI_Entry', 'Call_Status']));
		expect(await names('Pipelines')).toEqual(
			expect.arrayContaining(['Associated_Products', 'Secondary_Contacts']),
		);
		expect(await names('Events')).toContain('Participants');
	});
});
