import type { ListedChannel } from '../transport/channels';
import type { ChannelSettings } from './settings';

/**
 * What brings Bigin's channel in line with the settings. keep: Bigin has it as set; adopt the
 * expiry it lists. enable: Bigin does not have it. rewrite: Bigin lists other values for `fields`;
 * replace the channel in place. refuse: it notifies another URL, so it is someone else's channel
 * and never this node's to change.
 */
export type Reconciliation =
	| { action: 'keep'; expiresAt: string | undefined }
	| { action: 'enable' }
	| { action: 'rewrite'; fields: string[]; expiresAt: string | undefined }
	| { action: 'refuse'; notifyUrl: string };

const EXPANDED_OPERATIONS = ['create', 'edit', 'delete'];

/**
 * Events with every `X.all` spelled out as `X.create`, `X.edit`, `X.delete`: Zoho lists an `.all`
 * subscription that way, or as written, so both sides are compared in this form.
 */
export function expandedEvents(events: string[]): Set<string> {
	return new Set(
		events.flatMap((event) => {
			const [module, operation] = event.split('.');
			return operation === 'all'
				? EXPANDED_OPERATIONS.map((expanded) => `${module}.${expanded}`)
				: [event];
		}),
	);
}

function sameEventSets(a: Set<string>, b: Set<string>): boolean {
	return a.size === b.size && [...a].every((event) => b.has(event));
}

/** Whether Bigin lists a field as set: a flag it leaves out is off, events compare as sets. */
function listedAsSet(field: string, wanted: unknown, listed: unknown): boolean {
	if (field === 'events') {
		return sameEventSets(
			expandedEvents(wanted as string[]),
			expandedEvents((listed ?? []) as string[]),
		);
	}
	if (typeof wanted === 'boolean') return wanted === (listed === true);
	return JSON.stringify(wanted) === JSON.stringify(listed);
}

/** Another URL one of the channel's modules notifies: then the channel is someone else's. */
export function foreignNotifyUrl(listed: ListedChannel, ownUrl: string): string | undefined {
	return listed.modules.find((module) => module.notify_url !== ownUrl)?.notify_url;
}

/** Compares the settings with what Bigin lists for the channel (undefined: nothing), field by field. */
export function reconcile(
	settings: ChannelSettings,
	listed: ListedChannel | undefined,
): Reconciliation {
	if (!listed) return { action: 'enable' };
	const foreign = foreignNotifyUrl(listed, settings.definition.notify_url);
	if (foreign !== undefined) return { action: 'refuse', notifyUrl: foreign };
	const fields = Object.entries(settings.definition)
		.filter(([field, wanted]) => !listedAsSet(field, wanted, listed.definition[field]))
		.map(([field]) => field);
	const expiresAt = listed.expiry;
	return fields.length > 0
		? { action: 'rewrite', fields, expiresAt }
		: { action: 'keep', expiresAt };
}
