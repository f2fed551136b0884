import { DateTime } from 'luxon';
import type { IHookFunctions, ITriggerFunctions } from 'n8n-workflow';

import { expiryInHours } from '../shared/expiry';
import type { ChannelDefinition, WatchResult } from '../transport/channels';
import {
	NOT_SUBSCRIBED,
	disableChannels,
	earliestExpiry,
	enableChannels,
	replaceChannels,
	throwOnItemErrors,
} from '../transport/channels';
import type { ChannelSettings } from './settings';
import type { Grant, RenewalMethod } from './storedChannel';

type ChannelContext = IHookFunctions | ITriggerFunctions;

/** Whether the caller still wants the channel: false once the workflow was deactivated. */
export type StillWanted = () => boolean;

/** Thrown instead of writing to Bigin once the channel is no longer wanted. */
export class ChannelNoLongerWantedError extends Error {
	constructor() {
		super('The workflow was deactivated; the channel is left alone');
	}
}

/** Bigin's silent fallback when it ignores an expiry: assume the shortest documented default. */
const ASSUMED_DEFAULT_LIFETIME_MS = 3600 * 1000;

/** Clock skew and Bigin's whole-second dates: a renewal that grants this much less still counts. */
const LIFETIME_TOLERANCE_MS = 2 * 60 * 1000;

const RENEWAL_METHODS: RenewalMethod[] = ['put', 'post', 'recreate'];

/** The settings as Bigin's enable and update take them: the definition and an expiry. */
function definitionOf(settings: ChannelSettings): ChannelDefinition {
	return {
		...settings.definition,
		channel_expiry: expiryInHours(settings.lifetimeHours, DateTime.now()),
	};
}

function grantedExpiry(result: WatchResult, grantedAt: number): string {
	return (
		earliestExpiry(result.items[0]?.details?.events ?? []) ??
		new Date(grantedAt + ASSUMED_DEFAULT_LIFETIME_MS).toISOString()
	);
}

function ensureWanted(stillWanted: StillWanted): void {
	if (!stillWanted()) throw new ChannelNoLongerWantedError();
}

/**
 * POST: enables the channel, or re-enables it under the same id. If the workflow was deactivated
 * while the call was under way, the channel it just enabled is disabled again.
 */
export async function enable(
	context: ChannelContext,
	settings: ChannelSettings,
	stillWanted: StillWanted = () => true,
): Promise<Grant> {
	ensureWanted(stillWanted);
	const grantedAt = Date.now();
	const result = await enableChannels(context, [definitionOf(settings)]);
	throwOnItemErrors(context, result);
	if (!stillWanted()) {
		await disable(context, settings.definition.channel_id);
		throw new ChannelNoLongerWantedError();
	}
	const expiresAt = grantedExpiry(result, grantedAt);
	return { expiresAt, grantedAt, enabledLifetimeMs: Date.parse(expiresAt) - grantedAt };
}

/** DELETE; a channel Bigin no longer has counts as disabled. */
export async function disable(context: ChannelContext, channelId: string): Promise<void> {
	const result = await disableChannels(context, [channelId]);
	throwOnItemErrors(context, result, [NOT_SUBSCRIBED]);
}

/**
 * Whether a renewal worked: the expiry moved later, and by about as much as an enable grants. Under
 * a one-day cap counted from the first enable, Bigin accepts a PUT but silently grants its default.
 */
function renewed(settings: ChannelSettings, previous: Grant, grant: Grant): boolean {
	const lifetime = Date.parse(grant.expiresAt) - grant.grantedAt;
	const expected = previous.enabledLifetimeMs ?? settings.lifetimeHours * 3600 * 1000;
	return (
		Date.parse(grant.expiresAt) > Date.parse(previous.expiresAt) &&
		lifetime >= expected - LIFETIME_TOLERANCE_MS
	);
}

const lifetimeOf = (grant: Grant) => Date.parse(grant.expiresAt) - grant.grantedAt;

/**
 * Whether a later method granted no longer a lifetime than `earlier`, which did move the expiry:
 * then Bigin grants every method that much (a shorter cap than expected, an expected lifetime that
 * was unknown), and the earlier, cheaper method is the one to renew by.
 */
function grantsNoLonger(later: Grant, earlier: Grant, previous: Grant): boolean {
	return (
		Date.parse(earlier.expiresAt) > Date.parse(previous.expiresAt) &&
		lifetimeOf(later) <= lifetimeOf(earlier) + LIFETIME_TOLERANCE_MS
	);
}

async function put(context: ChannelContext, settings: ChannelSettings): Promise<Grant | 'missing'> {
	const grantedAt = Date.now();
	const result = await replaceChannels(context, [definitionOf(settings)]);
	if (result.errors.some(({ entry }) => entry.code === NOT_SUBSCRIBED)) return 'missing';
	throwOnItemErrors(context, result);
	return { expiresAt: grantedExpiry(result, grantedAt), grantedAt };
}

export interface Renewal {
	outcome: 'renewed' | 're-enabled' | 'recreated';
	grant: Grant;
}

/**
 * Pushes the expiry back and rewrites the whole definition. Bigin's readings differ on how:
 * a full PUT (Bigin's documented renewal), else a POST to the existing id (Zoho's guidance: re-enable
 * every ~23 h), else DELETE and POST, for a Bigin whose day counts from the first enable and whose
 * re-enable only moves the expiry. It starts at the method that last worked (`renewBy`), or at PUT
 * when the definition changed; a channel Bigin lost is enabled again under the same id.
 */
export async function renew(
	context: ChannelContext,
	settings: ChannelSettings,
	previous: Grant,
	options: { from?: RenewalMethod; stillWanted?: StillWanted } = {},
): Promise<Renewal> {
	const stillWanted = options.stillWanted ?? (() => true);
	const method = options.from ?? previous.renewBy ?? 'put';
	ensureWanted(stillWanted);
	let grant: Grant;
	if (method === 'put') {
		const answer = await put(context, settings);
		if (answer === 'missing')
			return { grant: await enable(context, settings, stillWanted), outcome: 'recreated' };
		grant = answer;
	} else {
		if (method === 'recreate') await disable(context, settings.definition.channel_id);
		grant = await enable(context, settings, stillWanted);
	}
	const next = RENEWAL_METHODS[RENEWAL_METHODS.indexOf(method) + 1];
	if (next !== undefined && !renewed(settings, previous, grant)) {
		const escalated = await renew(context, settings, previous, { from: next, stillWanted });
		return grantsNoLonger(escalated.grant, grant, previous)
			? {
					...escalated,
					grant: {
						...escalated.grant,
						renewBy: method,
						enabledLifetimeMs: lifetimeOf(escalated.grant),
					},
				}
			: escalated;
	}
	return {
		grant: {
			...grant,
			enabledLifetimeMs: grant.enabledLifetimeMs ?? previous.enabledLifetimeMs,
			renewBy: method,
		},
		outcome: method === 'put' ? 'renewed' : method === 'post' ? 're-enabled' : 'recreated',
	};
}
