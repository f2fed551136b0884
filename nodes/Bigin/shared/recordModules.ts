/** What the node knows about each module whose records it reads and writes. */
export interface RecordModuleFacts {
	/** The name Bigin's UI gives the module (Companies are `Accounts` in the API). */
	label: string;
	/** The field that names a record in lists. */
	nameField: string;
	/** The field Bigin itself checks for duplicates: the default to match on in an upsert. */
	duplicateCheckField: string;
	/** The fields most workflows use; Simplify keeps these, the id and the times. */
	commonFields: string[];
}

export const RECORD_MODULE_FACTS = {
	Contacts: {
		label: 'Contacts',
		nameField: 'Full_Name',
		duplicateCheckField: 'Email',
		commonFields: [
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
	},
	Accounts: {
		label: 'Companies (Accounts)',
		nameField: 'Account_Name',
		duplicateCheckField: 'Account_Name',
		commonFields: ['Account_Name', 'Phone', 'Website', 'Owner'],
	},
	Pipelines: {
		label: 'Pipelines',
		nameField: 'Deal_Name',
		duplicateCheckField: 'Deal_Name',
		commonFields: [
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
	},
	Products: {
		label: 'Products',
		nameField: 'Product_Name',
		duplicateCheckField: 'Product_Name',
		commonFields: ['Product_Name', 'Product_Code', 'Unit_Price', 'Product_Active', 'Owner'],
	},
	Tasks: {
		label: 'Tasks',
		nameField: 'Subject',
		duplicateCheckField: 'Subject',
		commonFields: ['Subject', 'Due_Date', 'Status', 'Priority', 'What_Id', 'Who_Id', 'Owner'],
	},
	Events: {
		label: 'Events',
		nameField: 'Event_Title',
		duplicateCheckField: 'Event_Title',
		commonFields: ['Event_Title', 'Start_DateTime', 'End_DateTime', 'Venue', 'Owner'],
	},
	Calls: {
		label: 'Calls',
		nameField: 'Subject',
		duplicateCheckField: 'Subject',
		commonFields: ['Subject', 'Call_Type', 'Call_Start_Time', 'Call_Duration', 'Owner'],
	},
	Notes: {
		label: 'Notes',
		nameField: 'Note_Title',
		duplicateCheckField: 'Note_Title',
		commonFields: ['Note_Title', 'Note_Content', 'Parent_Id', 'Owner'],
	},
} satisfies Record<string, RecordModuleFacts>;

export type RecordModule = keyof typeof RECORD_MODULE_FACTS;

export const RECORD_MODULES = Object.keys(RECORD_MODULE_FACTS) as RecordModule[];

export function isRecordModule(name: string): name is RecordModule {
	return name in RECORD_MODULE_FACTS;
}

/** The module's facts, or undefined for a module the node does not know. */
export function recordModuleFacts(name: string): RecordModuleFacts | undefined {
	return isRecordModule(name) ? RECORD_MODULE_FACTS[name] : undefined;
}
