import type { ITriggerFunctions } from 'n8n-workflow';

import { BiginApiError } from '../transport/errors';
import { renew } from './channel';
import { readChannelState } from './channelState';
import { isRenewalDue, retryDelayMs } from './renewalSchedule';

/** Channels with a renewal under way: a slow Bigin must not get a second one from the next tick. */
const renewing = new WeakSet<object>();

/**
 * One renewal check. It reads the static data at call time, because activation may write it after
 * the trigger has started, and it never throws: n8n's cron does not catch, and a failure must only
 * schedule the next attempt.
 */
export async function renewIfDue(context: ITriggerFunctions): Promise<void> {
	const now = Date.now();
	const staticData = context.getWorkflowStaticData('node');
	const state = readChannelState(staticData);
	if (!state || renewing.has(staticData) || !isRenewalDue(state, now)) return;
	renewing.add(staticData);
	try {
		const renewed = await renew(context, state);
		state.expiresAt = renewed.expiresAt;
		state.grantedAt = renewed.grantedAt;
		state.failedRenewals = 0;
		state.nextAttemptAt = undefined;
		context.logger.info(`Bigin Trigger: notification channel ${renewed.outcome}`, {
			channelId: state.channelId,
			expiresAt: renewed.expiresAt,
		});
	} catch (error) {
		const transient = !(error instanceof BiginApiError) || error.transient;
		state.failedRenewals = (state.failedRenewals ?? 0) + 1;
		state.nextAttemptAt = now + retryDelayMs(state.failedRenewals, transient);
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
		} else {
			context.logger.error(
				'Bigin Trigger: Bigin refused to renew the notification channel; check the credential, or it lapses at its expiry',
				details,
			);
		}
	} finally {
		renewing.delete(staticData);
	}
}
