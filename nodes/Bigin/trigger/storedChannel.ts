import type { IDataObject } from 'n8n-workflow';

/** How a renewal moves the expiry: PUT, re-enable with POST, or DELETE and POST (see channel.ts). */
export type RenewalMethod = 'put' | 'post' | 'recreate';

/** What Bigin granted on the last enable or renewal. */
export interface Grant {
	/** Expiry Bigin returned (it may be shorter than what was asked), ISO 8601. */
	expiresAt: string;
	/** When that expiry was granted, epoch ms: the channel's lifetime sets how early to renew. */
	grantedAt: number;
	/** The lifetime Bigin granted on the last enable: a renewal that grants much less did not work. */
	enabledLifetimeMs?: number;
	/** The first renewal method that worked under this Bigin's reading; later renewals start there. */
	renewBy?: RenewalMethod;
}

/** Which channel the trigger registered: its id, and the URL it notifies. */
export interface ChannelIdentity {
	/**
	 * Derived (identity.ts), yet kept: a process whose webhook URL differs from the one that
	 * registered the channel derives another id, and still has to recognise this one.
	 */
	channelId: string;
	/** n8n tells a trigger's renewal cron no webhook URL, so the renewer takes it from here. */
	notifyUrl: string;
}

/**
 * The trigger's channel as the node's static data keeps it: only what cannot be derived. Events and
 * options come from the parameters and the verification token from the credential's Client Secret
 * (settings.ts), so no secret is ever stored. Activation writes it and n8n persists it; the renewer
 * updates it in memory only (n8n does not save a cron's changes), which is fine because nothing in
 * it verifies a notification.
 */
export interface StoredChannel extends ChannelIdentity, Grant {
	/** Consecutive failed renewals and when to try again, epoch ms: the renewer's, in memory. */
	failedRenewals?: number;
	nextAttemptAt?: number;
}

const KEY = 'channel';

/**
 * What versions before this one stored: release 0.1.0 flat keys (its `token` among them), later
 * the whole channel definition under KEY, token included. Activation replaces both.
 */
const LEGACY_FLAT_KEYS = [
	'channelId',
	'token',
	'notifyUrl',
	'events',
	'notifyOnRelatedAction',
	'returnAffectedFieldValues',
	'lifetimeHours',
	'expiresAt',
	'grantedAt',
	'enabledLifetimeMs',
	'renewBy',
	'failedRenewals',
	'nextAttemptAt',
];

/**
 * The stored channel, or undefined when there is none: never written, cleared on deactivation,
 * erased by an execution that saved static data it never loaded (see webhook.ts), or written by an
 * older version (activation replaces that).
 */
export function readStoredChannel(staticData: IDataObject): StoredChannel | undefined {
	const stored = staticData[KEY] as Partial<StoredChannel> | undefined;
	if (typeof stored?.channelId !== 'string' || typeof stored.notifyUrl !== 'string')
		return undefined;
	if (typeof stored.expiresAt !== 'string' || typeof stored.grantedAt !== 'number')
		return undefined;
	return stored as StoredChannel;
}

/** Writes the channel, dropping whatever an older version stored (its token included). */
export function writeStoredChannel(staticData: IDataObject, channel: StoredChannel): void {
	clearStoredChannel(staticData);
	staticData[KEY] = channel as unknown as IDataObject;
}

export function clearStoredChannel(staticData: IDataObject): void {
	delete staticData[KEY];
	for (const key of LEGACY_FLAT_KEYS) delete staticData[key];
}
