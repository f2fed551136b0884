import type { SimulatorFixture } from '../../support/simulatorFixture';
import { useSimulator } from '../../support/simulatorFixture';

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

	it('covers every field the seeded records carry', async () => {
		for (const module of MODULES) {
			const names = new Set((await fieldsOf(module)).map((field) => field.api_name));
			const { data } = await client.control('GET', `records/${module}`);
			for (const record of data) {
				const unknown = Object.keys(record).filter(
					(name) => name !== 'id' && !name.startsWith('$') && !names.has(name),
				);
				expect({ module, unknown }).toEqual({ module, unknown: [] });
			}
		}
	});

	it('marks mandatory fields, read-only ones and custom ones with their types', async () => {
		const contacts = await fieldsOf('Contacts');
		const byName = Object.fromEntries(contacts.map((field) => [field.api_name, field]));
		expect(byName.Last_Name).toMatchObject({ system_mandatory: true, data_type: 'text' });
		expect(byName.Full_Name.read_only).toBe(true);
		expect(byName.Created_Time).toMatchObject({ read_only: true, data_type: 'datetime' });
		expect(byName.Customer_Tier).toMatchObject({
			custom_field: true,
			data_type: 'picklist',
			json_type: 'string',
		});
		expect(byName.Customer_Tier.pick_list_values).toContainEqual({
			display_value: 'Gold',
			actual_value: 'Gold',
			sequence_number: 3,
		});
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

	it('lists the org’s modules, Notes included', async () => {
		const response = await client.request('GET', '/bigin/v2/settings/modules', { token });
		expect(response.body.modules.map((module: { api_name: string }) => module.api_name)).toEqual(
			MODULES,
		);
	});

	it('lists the org’s users for Owner lookups', async () => {
		const response = await client.request('GET', '/bigin/v2/users', { token });
		expect(response.status).toBe(200);
		expect(response.body.users[0]).toMatchObject({
			id: expect.any(String),
			full_name: 'Sam Simulator',
		});
		const noScope = await client.request('GET', '/bigin/v2/users', {
			token: await client.token('ZohoBigin.modules.ALL'),
		});
		expect(noScope.status).toBe(401);
	});
});
