import type { INodeProperties } from 'n8n-workflow';

import type { ModuleTable } from '../shared/modules';

const ONE_RECORD = /\ba record\b/;
const RECORDS = /\brecords\b/;

/** "a contact", "an event": one record of the module, as a sentence names it. */
function oneOf(singular: string): string {
	const word = singular.toLowerCase();
	return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

/**
 * The operations' picker actions ("Create a record", "Enable a notification channel") by
 * resource and operation, with the record words left as slots for the module.
 */
function actionTemplates(properties: INodeProperties[]): Record<string, string> {
	const templates: Record<string, string> = {};
	for (const property of properties) {
		const resources = property.displayOptions?.show?.resource;
		if (property.name !== 'operation' || !Array.isArray(resources)) continue;
		for (const option of property.options ?? []) {
			if (!('value' in option) || typeof option.action !== 'string') continue;
			const template = option.action.replace(ONE_RECORD, '{one}').replace(RECORDS, '{many}');
			for (const resource of resources)
				templates[`${String(resource)}:${String(option.value)}`] = template;
		}
	}
	return templates;
}

/**
 * The node's subtitle on the canvas: what it does, in words, with the module it works on
 * ("Create a contact", "Get many companies", "Enable a notification channel"); the raw operation
 * when it has no action, and "a record" when the module is an expression.
 */
export function nodeSubtitle(properties: INodeProperties[], table: ModuleTable): string {
	const templates = JSON.stringify(actionTemplates(properties));
	const one = JSON.stringify(
		Object.fromEntries(table.map((module) => [module.apiName, oneOf(module.label.singular)])),
	);
	const many = JSON.stringify(
		Object.fromEntries(table.map((module) => [module.apiName, module.label.plural.toLowerCase()])),
	);
	const key = '$parameter["resource"] + ":" + $parameter["operation"]';
	const module = '$parameter["module"]';
	return `={{ ((${templates})[${key}] || $parameter["operation"]).replace("{one}", (${one})[${module}] || "a record").replace("{many}", (${many})[${module}] || "records") }}`;
}
