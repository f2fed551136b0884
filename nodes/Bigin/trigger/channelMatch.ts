import type { ChannelListEntry } from '../transport/channels';

/** The channel as the trigger wants it, in the terms Bigin's listing can be compared with. */
export interface ChannelDefinitionWanted {
	notifyUrl: string;
	token: string;
	events: string[];
	notifyOnRelatedAction: boolean;
	/** Absent in state saved before Include Changed Values existed: off. */
	returnAffectedFieldValues?: boolean;
}

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

/** Another URL the listed channel notifies: then the channel is someone else's, never ours to change. */
export function foreignNotifyUrl(entries: ChannelListEntry[], ownUrl: string): string | undefined {
	return entries.find((entry) => entry.notify_url !== ownUrl)?.notify_url;
}

/** What differs between Bigin's listing of a channel and the channel wanted, or undefined when nothing does. */
export function channelDifference(
	entries: ChannelListEntry[],
	wanted: ChannelDefinitionWanted,
): string | undefined {
	if (entries.length === 0) return 'missing';
	if (foreignNotifyUrl(entries, wanted.notifyUrl) !== undefined) return 'notify URL';
	if (entries.some((entry) => entry.token !== wanted.token)) return 'token';
	if (entries.some((entry) => entry.notify_on_related_action !== wanted.notifyOnRelatedAction))
		return 'notify on related action';
	const changedValues = wanted.returnAffectedFieldValues === true;
	if (entries.some((entry) => (entry.return_affected_field_values === true) !== changedValues))
		return 'include changed values';
	const remote = expandedEvents(entries.flatMap((entry) => entry.events ?? []));
	if (!sameEventSets(remote, expandedEvents(wanted.events))) return 'events';
	return undefined;
}
