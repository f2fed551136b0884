import type { ITriggerFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listChannels, listedChannels, readChannel } from '../transport/channels';
import { BiginApiError } from '../transport/errors';
import { withJitter } from '../transport/retry';
import { ChannelNoLongerWantedError, enable, renew } from './channel';
import { channelIdFor } from './identity';
import { reconcile } from './reconcile';
import { VERIFY_INTERVAL_MS, isRenewalDue, retryDelayMs } from './renewalSchedule';
import type { ChannelSettings } from './settings';
import { settingsFor } from './settings';
import type { StoredChannel } from './storedChannel';
import { readStoredChannel } from './storedChannel';

/** The channel's notify URL was changed to another one outside n8n: a person has to decide. */
class ForeignChannelError extends NodeOperationError {}

/** Pages of Bigin's channel listing read to find the channel: 200 channels each. */
const LOOKUP_PAGES = 5;

/**
 * n8n starts the trigger while activation is still under way (the publication service runs both
 * at once): static data without a channel is only believed once activation had this long to write
 * it, retries of a Bigin outage included.
 */
export const ACTIVATION_GRACE_MS = 60 * 1000;

export interface Renewer {
	/** One check; never throws, because n8n's cron does not catch. */
	tick(): Promise<void>;
	/** The workflow is being deactivated: no write to Bigin may follow. */
	close(): void;
}

/** A person has to act: Bigin refused, or the node cannot build the channel (no Client Secret). */
function needsAPerson(error: unknown): boolean {
	if (error instanceof BiginApiError) return !error.transient;
	return error instanceof NodeOperationError;
}

/**
 * Keeps the channel alive and as configured while the trigger runs. It reads the channel from Bigin
 * on its first tick (after a start, a leader change, a re-publish) and every 6 hours, adopting
 * Bigin's expiry and repairing a channel that was deleted or changed outside n8n, and renews it
 * before it expires. That costs at most 6 calls per channel per day under every reading of Bigin:
 * about 4 GETs and a PUT, or, where only DELETE and POST move the expiry, those two instead.
 *
 * It takes the channel from the static data at each tick, because activation may write it after the
 * trigger has started, and keeps its own reference: static data that loses the channel (a leader
 * that loaded a copy without it, an execution that saved one) does not stop it. A renewer that never
 * saw the channel derives it: it finds, in Bigin's listing, the channel whose id is the one this
 * node derives for that channel's notify URL, which is the identity the webhook verifies. Its
 * changes stay in memory (n8n does not save a cron's changes), which is safe: nothing it changes is
 * needed to verify a notification, and the token is derived again for every call to Bigin.
 */
export function startRenewer(context: ITriggerFunctions): Renewer {
	let closed = false;
	let running = false;
	let nextVerificationAt = 0;
	let incidentReported = false;
	/** The channel this renewer keeps alive: the stored one, or its own once static data lost it. */
	let current: StoredChannel | undefined;
	let nextLookupAt = Date.now() + ACTIVATION_GRACE_MS;
	let failedLookups = 0;
	const stillWanted = () => !closed;

	function reportOnce(error: unknown): void {
		if (incidentReported) return;
		incidentReported = true;
		context.saveFailedExecution?.(
			error instanceof BiginApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(context.getNode(), error as Error),
		);
	}

	/** The production channel Bigin lists under this node's derived identity, if any. */
	async function findInBigin(): Promise<StoredChannel | undefined> {
		for (let page = 1; page <= LOOKUP_PAGES; page++) {
			const { entries, moreRecords } = await listChannels(context, { page, per_page: 200 });
			const mine = listedChannels(entries).find(
				({ definition }) =>
					definition.channel_id === channelIdFor(context, definition.notify_url, false),
			);
			if (mine) {
				return {
					channelId: mine.definition.channel_id,
					notifyUrl: mine.definition.notify_url,
					expiresAt: mine.expiry ?? new Date().toISOString(),
					grantedAt: Date.now(),
				};
			}
			if (!moreRecords) return undefined;
		}
		return undefined;
	}

	/**
	 * The renewer knows no channel at all: once activation had time to store one, it looks for it
	 * in Bigin, then again after a failure's back-off or, when Bigin has none, every 6 hours.
	 */
	async function lookUp(now: number): Promise<StoredChannel | undefined> {
		if (now < nextLookupAt) return undefined;
		try {
			const found = await findInBigin();
			failedLookups = 0;
			if (found) {
				context.logger.info(
					"Bigin Trigger: the workflow's static data holds no channel; found it in Bigin under this node's derived id, and keeps renewing it",
					{ channelId: found.channelId, expiresAt: found.expiresAt },
				);
				nextVerificationAt = 0;
				return found;
			}
			nextLookupAt = now + withJitter(VERIFY_INTERVAL_MS);
			const error = new NodeOperationError(
				context.getNode(),
				"The Bigin Trigger's notification channel is gone: the workflow's static data no longer holds it and Bigin lists none for this workflow's webhook",
				{
					description:
						'No notification reaches this workflow. Re-publish it (deactivate and activate it) to register the channel again.',
				},
			);
			context.logger.error(`Bigin Trigger: ${error.message}; re-publish the workflow`);
			reportOnce(error);
		} catch (error) {
			failedLookups += 1;
			const transient = !needsAPerson(error);
			nextLookupAt = now + withJitter(retryDelayMs(failedLookups, transient));
			context.logger.warn(
				"Bigin Trigger: the workflow's static data holds no channel, and Bigin could not be asked for it; will retry",
				{ retryAt: new Date(nextLookupAt).toISOString(), error: (error as Error).message },
			);
		}
		return undefined;
	}

	/** The stored channel, else the one this renewer kept or finds in Bigin. */
	async function channelToKeep(now: number): Promise<StoredChannel | undefined> {
		const stored = readStoredChannel(context.getWorkflowStaticData('node'));
		if (
			stored &&
			(!current || stored.channelId !== current.channelId || stored.grantedAt > current.grantedAt)
		) {
			current = stored;
		}
		if (!current) current = await lookUp(now);
		return current;
	}

	/** Reads the channel back and brings it in line with the settings it was granted under. */
	async function verify(
		channel: StoredChannel,
		settings: ChannelSettings,
	): Promise<string | undefined> {
		const { channelId } = channel;
		const reconciliation = reconcile(settings, await readChannel(context, channelId));
		switch (reconciliation.action) {
			case 'refuse':
				throw new ForeignChannelError(
					context.getNode(),
					`Bigin channel ${channelId} now sends its notifications to ${reconciliation.notifyUrl}, not to this workflow; it was left alone. Disable it in Bigin and re-publish the workflow.`,
				);
			case 'enable':
				Object.assign(channel, await enable(context, settings, stillWanted));
				return 'recreated: Bigin no longer had it';
			case 'rewrite':
				Object.assign(
					channel,
					(await renew(context, settings, channel, { from: 'put', stillWanted })).grant,
				);
				return `repaired: its ${reconciliation.fields.join(', ')} had been changed outside n8n`;
			case 'keep':
				channel.expiresAt = reconciliation.expiresAt ?? channel.expiresAt;
				return undefined;
		}
	}

	function failed(channel: StoredChannel, error: unknown, now: number): void {
		const foreign = error instanceof ForeignChannelError;
		const transient = !foreign && !needsAPerson(error);
		channel.failedRenewals = (channel.failedRenewals ?? 0) + 1;
		channel.nextAttemptAt =
			now +
			(foreign ? VERIFY_INTERVAL_MS : withJitter(retryDelayMs(channel.failedRenewals, transient)));
		const details = {
			channelId: channel.channelId,
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
		reportOnce(error);
	}

	async function keepAlive(channel: StoredChannel, now: number): Promise<void> {
		if (channel.nextAttemptAt !== undefined && now < channel.nextAttemptAt) return;
		const verificationDue = now >= nextVerificationAt;
		if (!verificationDue && !isRenewalDue(channel, now)) return;
		// A renewal rewrites the whole channel, which repairs it as well as a read would: on a
		// long-lived channel, a verification that falls shortly before the renewal renews instead.
		const longLived = Date.parse(channel.expiresAt) - channel.grantedAt > VERIFY_INTERVAL_MS;
		const renewNow =
			isRenewalDue(channel, now) ||
			(verificationDue && longLived && isRenewalDue(channel, now + VERIFY_INTERVAL_MS));
		try {
			const settings = await settingsFor(context, channel);
			let outcome: string | undefined;
			if (renewNow) {
				const renewal = await renew(context, settings, channel, { stillWanted });
				Object.assign(channel, renewal.grant);
				outcome = renewal.outcome;
			} else {
				outcome = await verify(channel, settings);
			}
			nextVerificationAt = Date.now() + withJitter(VERIFY_INTERVAL_MS);
			channel.failedRenewals = 0;
			channel.nextAttemptAt = undefined;
			incidentReported = false;
			if (outcome) {
				context.logger.info(`Bigin Trigger: notification channel ${outcome}`, {
					channelId: channel.channelId,
					expiresAt: channel.expiresAt,
				});
			}
		} catch (error) {
			if (!(error instanceof ChannelNoLongerWantedError)) failed(channel, error, now);
		}
	}

	async function tick(): Promise<void> {
		if (closed || running) return;
		running = true;
		try {
			const now = Date.now();
			const channel = await channelToKeep(now);
			if (channel && !closed) await keepAlive(channel, now);
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
