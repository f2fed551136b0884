import type { ITriggerFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readChannel } from '../transport/channels';
import { BiginApiError } from '../transport/errors';
import { withJitter } from '../transport/retry';
import { ChannelNoLongerWantedError, enable, renew } from './channel';
import { reconcile } from './reconcile';
import { VERIFY_INTERVAL_MS, isRenewalDue, retryDelayMs } from './renewalSchedule';
import type { StoredChannel } from './storedChannel';
import { readStoredChannel } from './storedChannel';

/** The channel's notify URL was changed to another one outside n8n: a person has to decide. */
class ForeignChannelError extends NodeOperationError {}

export interface Renewer {
	/** One check; never throws, because n8n's cron does not catch. */
	tick(): Promise<void>;
	/** The workflow is being deactivated: no write to Bigin may follow. */
	close(): void;
}

/**
 * Keeps the channel alive and as configured while the trigger runs. It reads the channel from Bigin
 * on its first tick (after a start, a leader change, a re-publish) and every 6 hours, adopting
 * Bigin's expiry and repairing a channel that was deleted or changed outside n8n, and renews it
 * before it expires. That costs at most 6 calls per channel per day under every reading of Bigin:
 * about 4 GETs and a PUT, or, where only DELETE and POST move the expiry, those two instead. It
 * reads the static data at each tick, because activation may write it after the trigger has
 * started. Its changes stay in memory (n8n does not save a cron's changes), which is safe: nothing
 * it changes is needed to verify a notification.
 */
export function startRenewer(context: ITriggerFunctions): Renewer {
	let closed = false;
	let running = false;
	let nextVerificationAt = 0;
	let incidentReported = false;
	const stillWanted = () => !closed;

	/** Reads the channel back and brings it in line with the settings it was granted under. */
	async function verify(channel: StoredChannel): Promise<string | undefined> {
		const { channel_id: channelId } = channel.definition;
		const reconciliation = reconcile(channel, await readChannel(context, channelId));
		switch (reconciliation.action) {
			case 'refuse':
				throw new ForeignChannelError(
					context.getNode(),
					`Bigin channel ${channelId} now sends its notifications to ${reconciliation.notifyUrl}, not to this workflow; it was left alone. Disable it in Bigin and re-publish the workflow.`,
				);
			case 'enable':
				Object.assign(channel, await enable(context, channel, stillWanted));
				return 'recreated: Bigin no longer had it';
			case 'rewrite':
				Object.assign(channel, (await renew(context, channel, { from: 'put', stillWanted })).grant);
				return `repaired: its ${reconciliation.fields.join(', ')} had been changed outside n8n`;
			case 'keep':
				channel.expiresAt = reconciliation.expiresAt ?? channel.expiresAt;
				return undefined;
		}
	}

	function failed(channel: StoredChannel, error: unknown, now: number): void {
		const foreign = error instanceof ForeignChannelError;
		const transient = !foreign && (!(error instanceof BiginApiError) || error.transient);
		channel.failedRenewals = (channel.failedRenewals ?? 0) + 1;
		channel.nextAttemptAt =
			now +
			(foreign ? VERIFY_INTERVAL_MS : withJitter(retryDelayMs(channel.failedRenewals, transient)));
		const details = {
			channelId: channel.definition.channel_id,
			attempt: channel.failedRenewals,
			retryAt: new Date(channel.nextAttemptAt).toISOString(),
			expiresAt: channel.expiresAt,
			error: (error as Error).message,
		};
		if (transient) {
			context.logger.warn(
				'Bigin Trigger: renewing the notification channel failed; will retry',
				details,
			);
			return;
		}
		context.logger.error(
			foreign
				? 'Bigin Trigger: the notification channel belongs to another URL now; notifications stop at its expiry'
				: 'Bigin Trigger: Bigin refused to renew the notification channel; check the credential, or it lapses at its expiry',
			details,
		);
		if (!incidentReported) {
			incidentReported = true;
			context.saveFailedExecution?.(
				error instanceof BiginApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(context.getNode(), error as Error),
			);
		}
	}

	async function tick(): Promise<void> {
		const channel = readStoredChannel(context.getWorkflowStaticData('node'));
		const now = Date.now();
		if (closed || running || !channel) return;
		if (channel.nextAttemptAt !== undefined && now < channel.nextAttemptAt) return;
		const verificationDue = now >= nextVerificationAt;
		if (!verificationDue && !isRenewalDue(channel, now)) return;
		// A renewal rewrites the whole channel, which repairs it as well as a read would: on a
		// long-lived channel, a verification that falls shortly before the renewal renews instead.
		const longLived = Date.parse(channel.expiresAt) - channel.grantedAt > VERIFY_INTERVAL_MS;
		const renewNow =
			isRenewalDue(channel, now) ||
			(verificationDue && longLived && isRenewalDue(channel, now + VERIFY_INTERVAL_MS));
		running = true;
		try {
			let outcome: string | undefined;
			if (renewNow) {
				const renewal = await renew(context, channel, { stillWanted });
				Object.assign(channel, renewal.grant);
				outcome = renewal.outcome;
			} else {
				outcome = await verify(channel);
			}
			nextVerificationAt = Date.now() + withJitter(VERIFY_INTERVAL_MS);
			channel.failedRenewals = 0;
			channel.nextAttemptAt = undefined;
			incidentReported = false;
			if (outcome) {
				context.logger.info(`Bigin Trigger: notification channel ${outcome}`, {
					channelId: channel.definition.channel_id,
					expiresAt: channel.expiresAt,
				});
			}
		} catch (error) {
			if (!(error instanceof ChannelNoLongerWantedError)) failed(channel, error, now);
		} finally {
			running = false;
		}
	}

	return {
		tick,
		close: () => {
			closed = true;
		},
	};
}
