import { MODULE_FIELDS, NAME_FIELD, fieldSpec, lookupModuleOf, mandatoryFields } from './fields';
import { teamPipelineByName } from './pipelines';
import type { BiginRecord, Json, JsonObject } from './types';
import { SIM_USER } from './users';
import type { SimUser } from './users';

/**
 * A few realistic records per module. Lookups name their target (`{ name }`); seeding resolves
 * them to `{ name, id }` once every record exists. Contacts' custom fields are filled on some.
 */
const SEED: Record<string, JsonObject[]> = {
	Contacts: [
		{
			First_Name: 'Maria',
			Last_Name: 'Lopez',
			Email: 'maria.lopez@example.com',
			Phone: '+1 555 0101',
			Title: 'Office Manager',
			Account_Name: { name: 'Zylker Traders' },
			Customer_Tier: 'Gold',
			Loyalty_Points: 1200,
			Interests: ['Design', 'Support'],
		},
		{
			First_Name: 'Kenji',
			Last_Name: 'Sato',
			Email: 'kenji.sato@example.jp',
			Phone: '+81 3 5555 0102',
			Title: 'Buyer',
			Customer_Tier: 'Silver',
			Loyalty_Points: 300,
		},
		{
			First_Name: 'Amara',
			Last_Name: 'Okafor',
			Email: 'amara@okafor-design.example',
			Phone: '+44 20 5555 0103',
			Title: 'Founder',
			Account_Name: { name: 'Okafor Design' },
		},
	],
	Accounts: [
		{ Account_Name: 'Zylker Traders', Website: 'https://zylker.example', Phone: '+1 555 0200' },
		{
			Account_Name: 'Okafor Design',
			Website: 'https://okafor-design.example',
			Phone: '+44 20 5555 0201',
		},
	],
	Pipelines: [
		{
			Deal_Name: 'Zylker website refresh',
			Stage: 'Qualification',
			Pipeline: { name: 'Sales Pipeline' },
			Sub_Pipeline: 'Sales Pipeline Standard',
			Amount: 12000,
			Closing_Date: '2026-12-15',
			Account_Name: { name: 'Zylker Traders' },
			Contact_Name: { name: 'Maria Lopez' },
		},
		{
			Deal_Name: 'Okafor yearly support',
			Stage: 'Negotiation',
			Pipeline: { name: 'Sales Pipeline' },
			Sub_Pipeline: 'Sales Pipeline Standard',
			Amount: 4800,
			Closing_Date: '2027-01-10',
			Renewal_Date: '2028-01-10',
			Account_Name: { name: 'Okafor Design' },
		},
	],
	Products: [
		{ Product_Name: 'Support plan', Product_Code: 'SUP-1', Unit_Price: 400 },
		{ Product_Name: 'Design sprint', Product_Code: 'DS-5', Unit_Price: 5000 },
	],
	Tasks: [
		{
			Subject: 'Send proposal to Zylker',
			Due_Date: '2026-12-01',
			Status: 'Not Started',
			Priority: 'High',
		},
		{
			Subject: 'Renewal call prep',
			Due_Date: '2026-12-05',
			Status: 'In Progress',
			Priority: 'Normal',
		},
	],
	Events: [
		{
			Event_Title: 'Quarterly review',
			Start_DateTime: '2026-12-03T10:00:00+03:00',
			End_DateTime: '2026-12-03T11:00:00+03:00',
			Venue: 'Online',
		},
	],
	Calls: [
		{
			Subject: 'Intro call with Kenji',
			Call_Type: 'Outbound',
			Call_Start_Time: '2026-11-20T09:30:00+03:00',
			Call_Duration: '12:00',
		},
	],
	Notes: [
		{
			Note_Title: 'Prefers email',
			Note_Content: 'Maria prefers email over calls before noon.',
			Parent_Id: { name: 'Maria Lopez' },
			$se_module: 'Contacts',
		},
	],
};

/** Every module with a records API. */
export const RECORD_MODULES = Object.keys(MODULE_FIELDS);

/** The modules notification channels can watch (Notes has records but no notifications). */
export const WATCHABLE_MODULES = Object.keys(MODULE_FIELDS).filter((module) => module !== 'Notes');

/** Values that satisfy a module's mandatory fields: what the web page's Create button sends. */
export function sampleRecord(module: string, title: string): JsonObject {
	const samples: Record<string, JsonObject> = {
		Pipelines: { Sub_Pipeline: 'Sales Pipeline Standard', Stage: 'Qualification' },
		Events: {
			Start_DateTime: '2026-12-10T10:00:00+03:00',
			End_DateTime: '2026-12-10T10:30:00+03:00',
		},
		Calls: {
			Call_Type: 'Outbound',
			Call_Start_Time: '2026-12-10T10:00:00+03:00',
			Call_Duration: '05:00',
		},
	};
	return { [mandatoryFields(module)[0]]: title, ...samples[module] };
}

/** A user as a record's Owner, Created_By or Modified_By shows them. */
export function userReference(user: SimUser): JsonObject {
	return { name: user.name, id: user.id, email: user.email };
}

/**
 * A record as Bigin stores a new one: every field of the module, unused ones included, in the
 * module's order and empty (or at its initial value) unless `fields` give it; owned by and created
 * by the token's user (unless `fields` name another Owner), with the Contacts' computed Full_Name.
 */
export function newRecord(
	module: string,
	id: string,
	fields: JsonObject,
	nowIso: string,
): BiginRecord {
	const record: BiginRecord = { id };
	for (const field of MODULE_FIELDS[module] ?? []) {
		record[field.api_name] = structuredClone(field.initial ?? null);
		if (field.moduleKey) record[field.moduleKey] = null;
	}
	const user = userReference(SIM_USER);
	Object.assign(record, { Owner: user, Created_By: user, Modified_By: user }, fields, {
		Created_Time: nowIso,
		Modified_Time: nowIso,
	});
	if (module === 'Contacts') record.Full_Name = fullName(record);
	return record;
}

export function seededRecords(
	nextId: () => string,
	nowIso: string,
): Map<string, Map<string, BiginRecord>> {
	const modules = new Map<string, Map<string, BiginRecord>>();
	for (const module of RECORD_MODULES) {
		const records = new Map<string, BiginRecord>();
		for (const fields of SEED[module] ?? []) {
			const id = nextId();
			records.set(id, newRecord(module, id, fields, nowIso));
		}
		modules.set(module, records);
	}
	for (const [module, records] of modules) {
		for (const record of records.values()) {
			for (const [field, value] of Object.entries(record)) {
				const spec = fieldSpec(module, field);
				if (spec?.data_type !== 'lookup' || !isNamed(value)) continue;
				const target =
					spec.lookup === 'Layouts'
						? teamPipelineByName(value.name)?.id
						: findByName(modules, String(lookupModuleOf(spec, record)), value.name);
				record[field] = { name: value.name, id: target ?? null };
			}
		}
	}
	return modules;
}

export function fullName(fields: Record<string, Json>): string {
	return [fields.First_Name, fields.Last_Name]
		.filter((part) => typeof part === 'string' && part)
		.join(' ');
}

function isNamed(value: Json): value is { name: string } {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		typeof value.name === 'string'
	);
}

function findByName(
	modules: Map<string, Map<string, BiginRecord>>,
	module: string,
	name: string,
): string | undefined {
	const nameField = NAME_FIELD[module];
	return [...(modules.get(module)?.values() ?? [])].find((record) => record[nameField] === name)
		?.id;
}
