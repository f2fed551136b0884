import { DateTime } from 'luxon';
import type { IHookFunctions, ITriggerFunctions } from 'n8n-workflow';

import { expiryInHours } from '../shared/expiry';
import type { ChannelDefinition, WatchResult } from '../transport/notifications';
import {
	earliestExpiry,
	enableChannels,
	replaceChannels,
	throwOnItemErrors,
} from '../transport/notifications';
import type { ChannelState } from './channelState';
import { REQUESTED_LIFETIME_HOURS } from './renewalSchedule';

type ChannelContext = IHookFunctions | ITriggerFunctions;

/** Bigin's silent fallback when it ignores an expiry: assume the shortest documented default. */
const ASSUMED_DEFAULT_LIFETIME_MS = 3600 * 1000;

function definitionOf(state: Omit<ChannelState, 'expiresAt' | 'grantedAt'>): ChannelDefinition {
	return {
		channel_id: state.channelId,
		events: state.events,
		notify_url: state.notifyUrl,
		token: state.token,
		notify_on_related_action: state.notifyOnRelatedAction,
		return_affected_field_values: state.returnAffectedFieldValues === true,
		channel_expiry: expiryInHours(REQUESTED_LIFETIME_HOURS, DateTime.now()),
	};
}

function grantedExpiry(result: WatchResult, grantedAt: number): string {
	return (
		earliestExpiry(result.items[0]?.details?.events ?? []) ??
		new Date(grantedAt + ASSUMED_DEFAULT_LIFETIME_MS).toISOString()
	);
}

/** POST: creates the channel, or re-creates it under the same id when Bigin lost it. */
export async function subscribe(
	context: ChannelContext,
	state: Omit<ChannelState, 'expiresAt' | 'grantedAt'>,
): Promise<Pick<ChannelState, 'expiresAt' | 'grantedAt'>> {
	const grantedAt = Date.now();
	const result = await enableChannels(context, [definitionOf(state)]);
	throwOnItemErrors(context, result);
	return { expiresAt: grantedExpiry(result, grantedAt), grantedAt };
}

/**
 * Renews with a full PUT (token included, or Bigin would drop it). When Bigin no longer has the
 * channel, or accepts the PUT without moving the expiry, the channel is enabled again instead.
 */
export async function renew(
	context: ChannelContext,
	state: ChannelState,
): Promise<{ outcome: 'renewed' | 'recreated'; expiresAt: string; grantedAt: number }> {
	const grantedAt = Date.now();
	const result = await replaceChannels(context, [definitionOf(state)]);
	if (result.errors.length === 0) {
		const expiresAt = grantedExpiry(result, grantedAt);
		if (Date.parse(expiresAt) > Date.parse(state.expiresAt))
			return { outcome: 'renewed', expiresAt, grantedAt };
	}
	return { outcome: 'recreated', ...(await subscribe(context, state)) };
}
