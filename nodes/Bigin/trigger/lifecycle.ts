import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { eventsProblem } from '../shared/validation';
import { BiginApiError, toBiginApiError } from '../transport/errors';
import { earliestExpiry } from '../transport/channels';
import type { ChannelIdentity } from './channel';
import { disable, enable, readChannel, renew } from './channel';
import { channelDifference, foreignNotifyUrl } from './channelMatch';
import type { ChannelState } from './channelState';
import { clearChannelState, readChannelState, writeChannelState } from './channelState';
import { channelIdOf, isTestChannel, verificationTokenOf } from './identity';
import { PRODUCTION_LIFETIME_HOURS, TEST_LIFETIME_HOURS, isRenewalDue } from './renewalSchedule';

/** The channel this node should have; its token is derived too, so every process agrees on it. */
async function wantedChannel(context: IHookFunctions): Promise<ChannelIdentity> {
	const node = context.getNode();
	const events = context.getNodeParameter('events', []) as string[];
	const problem = eventsProblem(events);
	if (problem) throw new NodeOperationError(node, problem);
	const options = context.getNodeParameter('options', {}) as {
		notifyOnRelatedAction?: boolean;
		includeChangedValues?: boolean;
	};
	const channelId = channelIdOf(context);
	const token = await verificationTokenOf(context, channelId);
	if (!token) {
		throw new NodeOperationError(node, 'The Bigin credential has no Client Secret', {
			description:
				"The trigger derives its channel's verification token from the credential's Client Secret. Enter it in the credential.",
		});
	}
	return {
		channelId,
		token,
		notifyUrl: context.getNodeWebhookUrl('default') as string,
		events,
		notifyOnRelatedAction: options.notifyOnRelatedAction ?? false,
		returnAffectedFieldValues: options.includeChangedValues ?? false,
		lifetimeHours: isTestChannel(context) ? TEST_LIFETIME_HOURS : PRODUCTION_LIFETIME_HOURS,
	};
}

const isPassing = (error: unknown): boolean => error instanceof BiginApiError && error.transient;

/** The stored state for the wanted channel, with Bigin's expiry adopted. */
function adopted(
	wanted: ChannelIdentity,
	stored: ChannelState | undefined,
	expiresAt: string,
): ChannelState {
	const same = stored?.channelId === wanted.channelId;
	return {
		...wanted,
		expiresAt,
		grantedAt: same ? stored.grantedAt : Date.now(),
		enabledLifetimeMs: same ? stored.enabledLifetimeMs : undefined,
		renewBy: same ? stored.renewBy : undefined,
		failedRenewals: 0,
	};
}

/**
 * The channel exists only if Bigin has it with this node's URL, events, options and token. One
 * close to expiry is renewed here, because after a restart this may be the first chance. When
 * Bigin cannot be reached and a channel is stored, it counts as existing: failing here would make
 * n8n delete the live channel and leave the webhook unregistered, and the renewer repairs the
 * channel once Bigin answers again.
 */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const stored = readChannelState(staticData);
	const wanted = await wantedChannel(this);
	let entries;
	try {
		entries = await readChannel(this, wanted.channelId);
	} catch (error) {
		if (stored?.channelId !== wanted.channelId || !isPassing(error))
			throw toBiginApiError(this.getNode(), error);
		this.logger.warn(
			'Bigin Trigger: Bigin could not be reached to check the channel; keeping it, the renewer checks again',
			{ channelId: wanted.channelId, error: (error as Error).message },
		);
		return true;
	}
	if (channelDifference(entries, wanted) !== undefined) return false;

	const state = adopted(wanted, stored, earliestExpiry(entries) ?? new Date().toISOString());
	if (isRenewalDue(state, Date.now())) {
		try {
			Object.assign(state, (await renew(this, state)).grant);
		} catch (error) {
			this.logger.warn('Bigin Trigger: renewing the channel on activation failed', {
				channelId: state.channelId,
				error: (error as Error).message,
			});
			if (!isPassing(error)) return false;
		}
	}
	writeChannelState(staticData, state);
	return true;
}

function foreignChannelMessage(channelId: string, url: string): string {
	return `Bigin channel ${channelId} sends its notifications to ${url}, not to this workflow`;
}

/**
 * Enables the channel, or rewrites it in place when Bigin has it already (a POST to an existing id
 * may keep its old events or token), and remembers what renewal will need. A channel with the same
 * id that notifies another URL belongs to someone else and is never taken over.
 */
export async function create(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const wanted = await wantedChannel(this);
	const entries = await readChannel(this, wanted.channelId);
	const foreign = foreignNotifyUrl(entries, wanted.notifyUrl);
	if (foreign !== undefined) {
		throw new NodeOperationError(this.getNode(), foreignChannelMessage(wanted.channelId, foreign), {
			description:
				'Another n8n or tool uses this channel id. Disable that channel in Bigin (or in the installation that owns that URL), then activate this workflow again.',
		});
	}
	let state: ChannelState;
	if (entries.length === 0) {
		state = { ...wanted, ...(await enable(this, wanted)), failedRenewals: 0 };
	} else {
		const stored = readChannelState(staticData);
		state = adopted(wanted, stored, earliestExpiry(entries) ?? new Date().toISOString());
		Object.assign(state, (await renew(this, state, { from: 'put' })).grant);
	}
	writeChannelState(staticData, state);
	this.logger.info('Bigin Trigger: notification channel enabled', {
		channelId: wanted.channelId,
		events: wanted.events,
		expiresAt: state.expiresAt,
	});
	return true;
}

/**
 * Disables the channel; one Bigin no longer has (expired, already disabled) counts as done. A
 * channel with this id that notifies another URL is someone else's: it is left alone with an error
 * in the log (throwing here would stop n8n from unpublishing the workflow).
 */
async function remove(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const channelId = readChannelState(staticData)?.channelId ?? channelIdOf(this);
	const ownUrl = this.getNodeWebhookUrl('default') as string;
	try {
		const entries = await readChannel(this, channelId);
		const foreign = foreignNotifyUrl(entries, ownUrl);
		if (foreign !== undefined) {
			this.logger.error(
				`Bigin Trigger: ${foreignChannelMessage(channelId, foreign)}; left it alone`,
				{ channelId },
			);
			clearChannelState(staticData);
			return false;
		}
		if (entries.length > 0) await disable(this, channelId);
	} catch (error) {
		this.logger.warn(
			'Bigin Trigger: could not disable the notification channel; Bigin ends it at its expiry',
			{ channelId, error: (error as Error).message },
		);
		return false;
	}
	clearChannelState(staticData);
	return true;
}

export { remove as delete };
