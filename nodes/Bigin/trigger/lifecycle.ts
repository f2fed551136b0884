import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BiginApiError, toBiginApiError } from '../transport/errors';
import { readChannel } from '../transport/channels';
import { disable, enable, renew } from './channel';
import { channelIdOf } from './identity';
import { foreignNotifyUrl, reconcile } from './reconcile';
import { isRenewalDue } from './renewalSchedule';
import type { ChannelSettings } from './settings';
import { identityOf, readChannelSettings } from './settings';
import type { StoredChannel } from './storedChannel';
import { clearStoredChannel, readStoredChannel, writeStoredChannel } from './storedChannel';

const isPassing = (error: unknown): boolean => error instanceof BiginApiError && error.transient;

/** The channel to store for these settings, with Bigin's expiry adopted (now, when unknown). */
function adopted(
	settings: ChannelSettings,
	stored: StoredChannel | undefined,
	expiresAt: string | undefined,
): StoredChannel {
	const same = stored?.channelId === settings.definition.channel_id;
	return {
		...identityOf(settings),
		expiresAt: expiresAt ?? new Date().toISOString(),
		grantedAt: same ? stored.grantedAt : Date.now(),
		enabledLifetimeMs: same ? stored.enabledLifetimeMs : undefined,
		renewBy: same ? stored.renewBy : undefined,
	};
}

/**
 * The channel exists only if Bigin has it as the settings say (reconcile.ts: keep). One close to
 * expiry is renewed here, because after a restart this may be the first chance. When Bigin cannot
 * be reached, it counts as existing: failing here would make n8n delete the live channel and leave
 * the webhook unregistered. The channel is derived, so it is known even when static data lost it:
 * it is stored with an unknown expiry, and the renewer, which runs at once, brings it in line (or
 * enables it) once Bigin answers again.
 */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const stored = readStoredChannel(staticData);
	const settings = await readChannelSettings(this);
	const channelId = settings.definition.channel_id;
	let listed;
	try {
		listed = await readChannel(this, channelId);
	} catch (error) {
		if (!isPassing(error)) throw toBiginApiError(this.getNode(), error);
		this.logger.warn(
			'Bigin Trigger: Bigin could not be reached to check the channel; keeping it, the renewer checks again',
			{ channelId, error: (error as Error).message },
		);
		if (stored?.channelId !== channelId)
			writeStoredChannel(staticData, adopted(settings, undefined, undefined));
		return true;
	}
	const reconciliation = reconcile(settings, listed);
	if (reconciliation.action !== 'keep') return false;

	const channel = adopted(settings, stored, reconciliation.expiresAt);
	if (isRenewalDue(channel, Date.now())) {
		try {
			Object.assign(channel, (await renew(this, settings, channel)).grant);
		} catch (error) {
			this.logger.warn('Bigin Trigger: renewing the channel on activation failed', {
				channelId,
				error: (error as Error).message,
			});
			if (!isPassing(error)) return false;
		}
	}
	writeStoredChannel(staticData, channel);
	return true;
}

function foreignChannelMessage(channelId: string, url: string): string {
	return `Bigin channel ${channelId} sends its notifications to ${url}, not to this workflow`;
}

/**
 * Enables the channel, or rewrites it in place when Bigin has it already (a POST to an existing id
 * may keep its old events or token), and remembers what renewal will need. n8n calls this when
 * checkExists found the channel wanting; one that matches by now (another main enabled it
 * meanwhile) is rewritten all the same. A channel with the same id that notifies another URL
 * belongs to someone else and is never taken over.
 */
export async function create(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const settings = await readChannelSettings(this);
	const channelId = settings.definition.channel_id;
	const reconciliation = reconcile(settings, await readChannel(this, channelId));
	let channel: StoredChannel;
	if (reconciliation.action === 'refuse') {
		throw new NodeOperationError(
			this.getNode(),
			foreignChannelMessage(channelId, reconciliation.notifyUrl),
			{
				description:
					'Another n8n or tool uses this channel id. Disable that channel in Bigin (or in the installation that owns that URL), then activate this workflow again.',
			},
		);
	} else if (reconciliation.action === 'enable') {
		channel = { ...identityOf(settings), ...(await enable(this, settings)) };
	} else {
		channel = adopted(settings, readStoredChannel(staticData), reconciliation.expiresAt);
		Object.assign(channel, (await renew(this, settings, channel, { from: 'put' })).grant);
	}
	writeStoredChannel(staticData, channel);
	this.logger.info('Bigin Trigger: notification channel enabled', {
		channelId,
		events: settings.definition.events,
		expiresAt: channel.expiresAt,
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
	const channelId = readStoredChannel(staticData)?.channelId ?? channelIdOf(this);
	const ownUrl = this.getNodeWebhookUrl('default') as string;
	try {
		const listed = await readChannel(this, channelId);
		const foreign = listed && foreignNotifyUrl(listed, ownUrl);
		if (foreign !== undefined) {
			this.logger.error(
				`Bigin Trigger: ${foreignChannelMessage(channelId, foreign)}; left it alone`,
				{ channelId },
			);
			clearStoredChannel(staticData);
			return false;
		}
		if (listed) await disable(this, channelId);
	} catch (error) {
		this.logger.warn(
			'Bigin Trigger: could not disable the notification channel; Bigin ends it at its expiry',
			{ channelId, error: (error as Error).message },
		);
		return false;
	}
	clearStoredChannel(staticData);
	return true;
}

export { remove as delete };
