import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { derivedChannelId, generateVerificationToken } from '../shared/channelIdentity';
import { sameEvents } from '../shared/events';
import { eventsProblem } from '../shared/validation';
import {
	NOT_SUBSCRIBED,
	disableChannels,
	earliestExpiry,
	listChannels,
	throwOnItemErrors,
} from '../transport/notifications';
import { renew, subscribe } from './channel';
import type { ChannelState } from './channelState';
import { clearChannelState, readChannelState, writeChannelState } from './channelState';
import { isRenewalDue } from './renewalSchedule';

interface WantedChannel {
	channelId: string;
	notifyUrl: string;
	events: string[];
	notifyOnRelatedAction: boolean;
	returnAffectedFieldValues: boolean;
}

function isTestWebhook(context: IHookFunctions): boolean {
	return context.getMode() === 'manual' || context.getActivationMode() === 'manual';
}

/**
 * The channel this node should have. Its id is derived from the n8n instance, the workflow, the
 * node's webhook and test-or-production, so a lost channel comes back under the same id and a
 * test channel never shares an id (and so a DELETE) with the production one.
 */
function wantedChannel(context: IHookFunctions): WantedChannel {
	const node = context.getNode();
	const events = context.getNodeParameter('events', []) as string[];
	const problem = eventsProblem(events);
	if (problem) throw new NodeOperationError(node, problem);
	const options = context.getNodeParameter('options', {}) as {
		notifyOnRelatedAction?: boolean;
		includeChangedValues?: boolean;
	};
	return {
		channelId: derivedChannelId(
			context.getInstanceId(),
			context.getWorkflow().id ?? '',
			node.webhookId ?? node.id ?? node.name,
			isTestWebhook(context) ? 'test' : 'production',
		),
		notifyUrl: context.getNodeWebhookUrl('default') as string,
		events,
		notifyOnRelatedAction: options.notifyOnRelatedAction ?? false,
		returnAffectedFieldValues: options.includeChangedValues ?? false,
	};
}

/**
 * The channel exists only if Bigin still has it with this node's URL, events, options and token.
 * One close to expiry is renewed here, because after a restart this may be the first chance.
 */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const state = readChannelState(staticData);
	const wanted = wantedChannel(this);
	if (!state || state.channelId !== wanted.channelId) return false;

	const { entries } = await listChannels(this, { channel_id: state.channelId });
	if (entries.length === 0) return false;
	const remoteEvents = entries.flatMap((entry) => entry.events);
	const matches =
		entries.every(
			(entry) => entry.notify_url === wanted.notifyUrl && entry.token === state.token,
		) &&
		entries.every((entry) => entry.notify_on_related_action === wanted.notifyOnRelatedAction) &&
		entries.every(
			(entry) => (entry.return_affected_field_values === true) === wanted.returnAffectedFieldValues,
		) &&
		sameEvents(remoteEvents, wanted.events);
	if (!matches) return false;

	const current: ChannelState = {
		...state,
		...wanted,
		expiresAt: earliestExpiry(entries) ?? state.expiresAt,
		failedRenewals: 0,
		nextAttemptAt: undefined,
	};
	if (isRenewalDue(current, Date.now())) {
		try {
			const renewed = await renew(this, current);
			writeChannelState(staticData, {
				...current,
				expiresAt: renewed.expiresAt,
				grantedAt: renewed.grantedAt,
			});
			return true;
		} catch (error) {
			this.logger.warn(
				'Bigin Trigger: renewing the channel on activation failed; enabling it again',
				{
					channelId: state.channelId,
					error: (error as Error).message,
				},
			);
			return false;
		}
	}
	writeChannelState(staticData, current);
	return true;
}

/** Enables the channel with a fresh verification token and remembers what renewal will need. */
export async function create(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const wanted = wantedChannel(this);
	const base = { ...wanted, token: generateVerificationToken() };
	const granted = await subscribe(this, base);
	writeChannelState(staticData, { ...base, ...granted, failedRenewals: 0 });
	this.logger.info('Bigin Trigger: notification channel enabled', {
		channelId: wanted.channelId,
		events: wanted.events,
		expiresAt: granted.expiresAt,
	});
	return true;
}

/** Disables the channel; one Bigin no longer has (expired, already disabled) counts as done. */
async function remove(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const state = readChannelState(staticData);
	if (!state) return true;
	try {
		const result = await disableChannels(this, [state.channelId]);
		throwOnItemErrors(this, result, [NOT_SUBSCRIBED]);
	} catch (error) {
		this.logger.warn(
			'Bigin Trigger: could not disable the notification channel; Bigin ends it at its expiry',
			{
				channelId: state.channelId,
				expiresAt: state.expiresAt,
				error: (error as Error).message,
			},
		);
		return false;
	}
	clearChannelState(staticData);
	return true;
}

export { remove as delete };
