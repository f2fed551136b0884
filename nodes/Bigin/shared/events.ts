import type { INodePropertyOptions } from 'n8n-workflow';

/** The modules Bigin can send notifications for: API name, and the name Bigin's UI shows. */
export const WATCHABLE_MODULES = [
	{ apiName: 'Contacts', label: 'Contact' },
	{ apiName: 'Accounts', label: 'Company' },
	{ apiName: 'Pipelines', label: 'Pipeline Record' },
	{ apiName: 'Products', label: 'Product' },
	{ apiName: 'Tasks', label: 'Task' },
	{ apiName: 'Events', label: 'Event' },
	{ apiName: 'Calls', label: 'Call' },
] as const;

export type WatchableModule = (typeof WATCHABLE_MODULES)[number]['apiName'];

/** Subscription verbs, as `events` takes them. Callbacks use other words (see below). */
export const SUBSCRIPTION_OPERATIONS = ['create', 'edit', 'delete', 'all'] as const;

export type SubscriptionOperation = (typeof SUBSCRIPTION_OPERATIONS)[number];

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

export function isWatchableModule(name: string): name is WatchableModule {
	return WATCHABLE_MODULES.some((module) => module.apiName === name);
}

/**
 * Every module × operation as a multi-select option, e.g. "Company Updated" → `Accounts.edit`.
 * `action` is what n8n's node picker lists as the trigger action ("On company updated").
 */
export function eventOptions(): INodePropertyOptions[] {
	return WATCHABLE_MODULES.flatMap((module) =>
		SUBSCRIPTION_OPERATIONS.map((operation) => {
			const name = eventName(module.label, operation);
			return {
				name,
				value: `${module.apiName}.${operation}`,
				description: `Bigin event ${module.apiName}.${operation}`,
				action: `On ${name.toLowerCase()}`,
			};
		}),
	).sort((a, b) => a.name.localeCompare(b.name));
}

const EVENT_PATTERN = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z]+)$/;

/** Why an event string would be refused, or undefined when Bigin accepts it. */
export function eventStringProblem(event: string): string | undefined {
	const match = EVENT_PATTERN.exec(event);
	if (!match) {
		return `"${event}" is not a Bigin event: write it as Module.operation, e.g. Contacts.create`;
	}
	const [, module, operation] = match;
	if (!isWatchableModule(module)) {
		const known = WATCHABLE_MODULES.map((m) => m.apiName).join(', ');
		return `"${event}" names the module "${module}", which Bigin cannot watch. Use one of: ${known}`;
	}
	if (!(SUBSCRIPTION_OPERATIONS as readonly string[]).includes(operation)) {
		return `"${event}" has the operation "${operation}". Use one of: ${SUBSCRIPTION_OPERATIONS.join(', ')}`;
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
