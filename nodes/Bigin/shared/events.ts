import type { INodePropertyOptions } from 'n8n-workflow';

import type { ModuleTable, SubscriptionOperation } from './modules';
import { BIGIN_MODULES, findModule, moduleNames, watchableModules } from './modules';

/** The modules Bigin can send notifications for. */
export const WATCHABLE_MODULES = watchableModules();

/** How each operation reads in the editor: option names, subtitles and the picker's trigger actions. */
function eventName(label: string, operation: SubscriptionOperation): string {
	if (operation === 'all') return `Any ${label} Change`;
	return `${label} ${{ create: 'Created', edit: 'Updated', delete: 'Deleted' }[operation]}`;
}

/** Callbacks say insert/update/delete where subscriptions say create/edit/delete. */
export const CALLBACK_TO_SUBSCRIPTION: Record<string, Exclude<SubscriptionOperation, 'all'>> = {
	insert: 'create',
	update: 'edit',
	delete: 'delete',
};

function eventsOf(moduleName: string, table: ModuleTable): readonly string[] {
	return findModule(moduleName, table)?.events ?? [];
}

export function isWatchableModule(name: string, table: ModuleTable = BIGIN_MODULES): boolean {
	return eventsOf(name, table).length > 0;
}

/**
 * Every module × operation as a multi-select option, e.g. "Company Updated" → `Accounts.edit`.
 * `action` is what n8n's node picker lists as the trigger action ("On company updated").
 */
export function eventOptions(table: ModuleTable = BIGIN_MODULES): INodePropertyOptions[] {
	return table
		.flatMap((module) =>
			module.events.map((operation) => {
				const name = eventName(module.label.singular, operation);
				return {
					name,
					value: `${module.apiName}.${operation}`,
					description: `Bigin event ${module.apiName}.${operation}`,
					action: `On ${name.toLowerCase()}`,
				};
			}),
		)
		.sort((a, b) => a.name.localeCompare(b.name));
}

const EVENT_PATTERN = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z]+)$/;

/** Why an event string would be refused, or undefined when Bigin accepts it. */
export function eventStringProblem(
	event: string,
	table: ModuleTable = BIGIN_MODULES,
): string | undefined {
	const match = EVENT_PATTERN.exec(event);
	if (!match) {
		return `"${event}" is not a Bigin event: write it as Module.operation, e.g. Contacts.create`;
	}
	const [, moduleName, operation] = match;
	if (!isWatchableModule(moduleName, table)) {
		const known = moduleNames(watchableModules(table)).join(', ');
		return `"${event}" names the module "${moduleName}", which Bigin cannot watch. Use one of: ${known}`;
	}
	const events = eventsOf(moduleName, table);
	if (!events.includes(operation)) {
		return `"${event}" has the operation "${operation}". Use one of: ${events.join(', ')}`;
	}
	return undefined;
}

/**
 * Merges picked and typed events into the list Bigin takes: trimmed, de-duplicated, in order.
 * Typed events may be one string with commas or new lines, or an array.
 */
export function collectEvents(picked: string[], typed: string | string[] | undefined): string[] {
	const typedList = Array.isArray(typed) ? typed : (typed ?? '').split(/[\n,]/);
	const all = [...picked, ...typedList].map((event) => String(event).trim()).filter(Boolean);
	return [...new Set(all)];
}
