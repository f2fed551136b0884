import type { IDataObject } from 'n8n-workflow';

import type { ChannelSettings } from './settings';

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

/**
 * The trigger's channel as the node's static data keeps it: the settings Bigin granted it under,
 * the grant, and the renewer's failures. Activation writes it and n8n persists it; the renewer only
 * updates it in memory, which is fine because nothing in it that verifies a notification ever
 * changes: channel id and token are derived, not random.
 */
export interface StoredChannel extends ChannelSettings, Grant {
	/** Consecutive failed renewals and when to try again, epoch ms. */
	failedRenewals?: number;
	nextAttemptAt?: number;
}

const KEY = 'channel';

/**
 * The stored channel, or undefined when there is none: never written, cleared on deactivation, or
 * erased by an execution that saved static data it never loaded (see webhook.ts).
 */
export function readStoredChannel(staticData: IDataObject): StoredChannel | undefined {
	const stored = staticData[KEY] as Partial<StoredChannel> | undefined;
	const definition = stored?.definition;
	if (typeof definition?.channel_id !== 'string' || typeof definition.token !== 'string')
		return undefined;
	return stored as StoredChannel;
}

export function writeStoredChannel(staticData: IDataObject, channel: StoredChannel): void {
	staticData[KEY] = channel as unknown as IDataObject;
}

export function clearStoredChannel(staticData: IDataObject): void {
	delete staticData[KEY];
}
