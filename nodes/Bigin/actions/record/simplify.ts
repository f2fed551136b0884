import type { IDataObject } from 'n8n-workflow';

/** The fields most workflows use, per module; Simplify keeps these, the id and the times. */
const COMMON_FIELDS: Record<string, string[]> = {
	Contacts: [
		'First_Name',
		'Last_Name',
		'Full_Name',
		'Email',
		'Phone',
		'Mobile',
		'Title',
		'Account_Name',
		'Owner',
	],
	Accounts: ['Account_Name', 'Phone', 'Website', 'Owner'],
	Pipelines: [
		'Deal_Name',
		'Pipeline',
		'Sub_Pipeline',
		'Stage',
		'Amount',
		'Closing_Date',
		'Account_Name',
		'Contact_Name',
		'Owner',
	],
	Products: ['Product_Name', 'Product_Code', 'Unit_Price', 'Product_Active', 'Owner'],
	Tasks: ['Subject', 'Due_Date', 'Status', 'Priority', 'What_Id', 'Who_Id', 'Owner'],
	Events: ['Event_Title', 'Start_DateTime', 'End_DateTime', 'Venue', 'Owner'],
	Calls: ['Subject', 'Call_Type', 'Call_Start_Time', 'Call_Duration', 'Owner'],
	Notes: ['Note_Title', 'Note_Content', 'Parent_Id', 'Owner'],
};

const ALWAYS = ['id', 'Created_Time', 'Modified_Time'];

export function simplifiedFields(module: string): string[] {
	return [...ALWAYS, ...(COMMON_FIELDS[module] ?? [])];
}

export function simplifyRecord(module: string, record: IDataObject): IDataObject {
	return Object.fromEntries(
		simplifiedFields(module)
			.filter((field) => field in record)
			.map((field) => [field, record[field]]),
	);
}
