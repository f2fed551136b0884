import type { ITriggerFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BiginApiError } from '../transport/errors';
import { earliestExpiry } from '../transport/channels';
import { withJitter } from '../transport/retry';
import { ChannelNoLongerWantedError, enable, readChannel, renew } from './channel';
import { channelDifference, foreignNotifyUrl } from './channelMatch';
import type { ChannelState } from './channelState';
import { readChannelState } from './channelState';
import { VERIFY_INTERVAL_MS, isRenewalDue, retryDelayMs } from './renewalSchedule';

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
 * about 4 GETs and a PUT, or, where only DELETE and POST move the expiry, those two instead. It reads the static data at each tick, because activation may write it after
 * the trigger has started. Its changes stay in memory (n8n does not save a cron's changes), which
 * is safe: nothing it changes is needed to verify a notification.
 */
export function startRenewer(context: ITriggerFunctions): Renewer {
	let closed = false;
	let running = false;
	let nextVerificationAt = 0;
	let incidentReported = false;
	const stillWanted = () => !closed;

	async function verify(state: ChannelState): Promise<string | undefined> {
		const entries = await readChannel(context, state.channelId);
		const foreign = foreignNotifyUrl(entries, state.notifyUrl);
		if (foreign !== undefined) {
			throw new ForeignChannelError(
				context.getNode(),
				`Bigin channel ${state.channelId} now sends its notifications to ${foreign}, not to this workflow; it was left alone. Disable it in Bigin and re-publish the workflow.`,
			);
		}
		const difference = channelDifference(entries, state);
		if (difference === 'missing') {
			Object.assign(state, await enable(context, state, stillWanted));
			return 'recreated: Bigin no longer had it';
		}
		if (difference !== undefined) {
			Object.assign(state, (await renew(context, state, { from: 'put', stillWanted })).grant);
			return `repaired: its ${difference} had been changed outside n8n`;
		}
		state.expiresAt = earliestExpiry(entries) ?? state.expiresAt;
		return undefined;
	}

	function failed(state: ChannelState, error: unknown, now: number): void {
		const foreign = error instanceof ForeignChannelError;
		const transient = !foreign && (!(error instanceof BiginApiError) || error.transient);
		state.failedRenewals = (state.failedRenewals ?? 0) + 1;
		state.nextAttemptAt =
			now +
			(foreign ? VERIFY_INTERVAL_MS : withJitter(retryDelayMs(state.failedRenewals, transient)));
		const details = {
			channelId: state.channelId,
			attempt: state.failedRenewals,
			retryAt: new Date(state.nextAttemptAt).toISOString(),
			expiresAt: state.expiresAt,
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
		const state = readChannelState(context.getWorkflowStaticData('node'));
		const now = Date.now();
		if (closed || running || !state) return;
		if (state.nextAttemptAt !== undefined && now < state.nextAttemptAt) return;
		const verificationDue = now >= nextVerificationAt;
		if (!verificationDue && !isRenewalDue(state, now)) return;
		// A renewal rewrites the whole channel, which repairs it as well as a read would: on a
		// long-lived channel, a verification that falls shortly before the renewal renews instead.
		const longLived = Date.parse(state.expiresAt) - state.grantedAt > VERIFY_INTERVAL_MS;
		const renewNow =
			isRenewalDue(state, now) ||
			(verificationDue && longLived && isRenewalDue(state, now + VERIFY_INTERVAL_MS));
		running = true;
		try {
			let outcome: string | undefined;
			if (renewNow) {
				const renewal = await renew(context, state, { stillWanted });
				Object.assign(state, renewal.grant);
				outcome = renewal.outcome;
			} else {
				outcome = await verify(state);
			}
			nextVerificationAt = Date.now() + withJitter(VERIFY_INTERVAL_MS);
			state.failedRenewals = 0;
			state.nextAttemptAt = undefined;
			incidentReported = false;
			if (outcome) {
				context.logger.info(`Bigin Trigger: notification channel ${outcome}`, {
					channelId: state.channelId,
					expiresAt: state.expiresAt,
				});
			}
		} catch (error) {
			if (!(error instanceof ChannelNoLongerWantedError)) failed(state, error, now);
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
