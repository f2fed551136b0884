import type { INodePropertyOptions } from 'n8n-workflow';

/** Bigin's API name of each module, and the name Bigin's UI gives it (Companies are `Accounts`). */
const MODULE_LABELS: Record<string, string> = {
	Contacts: 'Contacts',
	Accounts: 'Companies (Accounts)',
	Pipelines: 'Pipelines',
	Products: 'Products',
	Tasks: 'Tasks',
	Events: 'Events',
	Calls: 'Calls',
	Notes: 'Notes',
};

export function moduleLabel(apiName: string): string {
	return MODULE_LABELS[apiName] ?? apiName;
}

/** Modules as options, sorted by the name users see. */
export function moduleOptions(apiNames: readonly string[]): INodePropertyOptions[] {
	return apiNames
		.map((apiName) => ({ name: moduleLabel(apiName), value: apiName }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
