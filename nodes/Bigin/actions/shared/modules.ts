import type { INodePropertyOptions } from 'n8n-workflow';

import type { ModuleTable } from '../../shared/modules';
import { BIGIN_MODULES, findModule, moduleDisplayName } from '../../shared/modules';

/** Modules as options, sorted by the name users see, e.g. Companies (Accounts). */
export function moduleOptions(
	apiNames: readonly string[],
	table: ModuleTable = BIGIN_MODULES,
): INodePropertyOptions[] {
	return apiNames
		.map((apiName) => {
			const module = findModule(apiName, table);
			return { name: module ? moduleDisplayName(module) : apiName, value: apiName };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
