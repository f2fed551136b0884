import type { INodePropertyOptions } from 'n8n-workflow';

import { recordModuleFacts } from '../../shared/recordModules';

/** The name Bigin's UI gives a module, e.g. Companies (Accounts). */
export function moduleLabel(apiName: string): string {
	return recordModuleFacts(apiName)?.label ?? apiName;
}

/** Modules as options, sorted by the name users see. */
export function moduleOptions(apiNames: readonly string[]): INodePropertyOptions[] {
	return apiNames
		.map((apiName) => ({ name: moduleLabel(apiName), value: apiName }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
