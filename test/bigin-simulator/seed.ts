import type { BiginRecord, Json } from './types';

/** Per module: the field Bigin requires on create, and a few realistic seeded records. */
export const MODULE_SCHEMAS: Record<
	string,
	{ mandatory: string; seed: Array<Record<string, Json>> }
> = {
	Contacts: {
		mandatory: 'Last_Name',
		seed: [
			{
				First_Name: 'Maria',
				Last_Name: 'Lopez',
				Email: 'maria.lopez@example.com',
				Phone: '+1 555 0101',
				Title: 'Office Manager',
			},
			{
				First_Name: 'Kenji',
				Last_Name: 'Sato',
				Email: 'kenji.sato@example.jp',
				Phone: '+81 3 5555 0102',
				Title: 'Buyer',
			},
			{
				First_Name: 'Amara',
				Last_Name: 'Okafor',
				Email: 'amara@okafor-design.example',
				Phone: '+44 20 5555 0103',
				Title: 'Founder',
			},
		],
	},
	Accounts: {
		mandatory: 'Account_Name',
		seed: [
			{ Account_Name: 'Zylker Traders', Website: 'https://zylker.example', Phone: '+1 555 0200' },
			{
				Account_Name: 'Okafor Design',
				Website: 'https://okafor-design.example',
				Phone: '+44 20 5555 0201',
			},
		],
	},
	Pipelines: {
		mandatory: 'Deal_Name',
		seed: [
			{
				Deal_Name: 'Zylker website refresh',
				Stage: 'Qualification',
				Pipeline: 'Sales Pipeline',
				Sub_Pipeline: 'Sales Pipeline Standard',
				Amount: 12000,
				Closing_Date: '2026-12-15',
			},
			{
				Deal_Name: 'Okafor yearly support',
				Stage: 'Negotiation',
				Pipeline: 'Sales Pipeline',
				Sub_Pipeline: 'Sales Pipeline Standard',
				Amount: 4800,
				Closing_Date: '2027-01-10',
			},
		],
	},
	Products: {
		mandatory: 'Product_Name',
		seed: [
			{ Product_Name: 'Support plan', Product_Code: 'SUP-1', Unit_Price: 400 },
			{ Product_Name: 'Design sprint', Product_Code: 'DS-5', Unit_Price: 5000 },
		],
	},
	Tasks: {
		mandatory: 'Subject',
		seed: [
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
	},
	Events: {
		mandatory: 'Event_Title',
		seed: [
			{
				Event_Title: 'Quarterly review',
				Start_DateTime: '2026-12-03T10:00:00+03:00',
				End_DateTime: '2026-12-03T11:00:00+03:00',
				Venue: 'Online',
			},
		],
	},
	Calls: {
		mandatory: 'Subject',
		seed: [
			{
				Subject: 'Intro call with Kenji',
				Call_Type: 'Outbound',
				Call_Start_Time: '2026-11-20T09:30:00+03:00',
				Call_Duration: '12:00',
			},
		],
	},
};

export const WATCHABLE_MODULES = Object.keys(MODULE_SCHEMAS);

export const SIM_USER = {
	id: '6756839000000311001',
	name: 'Sam Simulator',
	email: 'sam@bigin-simulator.example',
};

export function seededRecords(
	nextId: () => string,
	nowIso: string,
): Map<string, Map<string, BiginRecord>> {
	const modules = new Map<string, Map<string, BiginRecord>>();
	for (const [module, schema] of Object.entries(MODULE_SCHEMAS)) {
		const records = new Map<string, BiginRecord>();
		for (const fields of schema.seed) {
			const id = nextId();
			records.set(id, {
				id,
				...fields,
				Owner: { id: SIM_USER.id, name: SIM_USER.name, email: SIM_USER.email },
				Created_Time: nowIso,
				Modified_Time: nowIso,
			});
		}
		modules.set(module, records);
	}
	return modules;
}
