import type { IDataObject } from 'n8n-workflow';

/** How a renewal moves the expiry: PUT, re-enable with POST, or DELETE and POST (see channel.ts). */
export type RenewalMethod = 'put' | 'post' | 'recreate';

/**
 * What the trigger keeps in the node's static data. Activation writes it and n8n persists it;
 * the renewer only updates it in memory, which is fine because nothing in it that verifies a
 * notification ever changes: channel id and token are derived, not random.
 */
export interface ChannelState {
	channelId: string;
	token: string;
	notifyUrl: string;
	events: string[];
	notifyOnRelatedAction: boolean;
	/** Include Changed Values: Bigin sends `affected_values`. Absent in state from older versions. */
	returnAffectedFieldValues?: boolean;
	/** Lifetime asked for on enable and renewal. */
	lifetimeHours: number;
	/** Expiry Bigin returned (it may be shorter than what was asked), ISO 8601. */
	expiresAt: string;
	/** When that expiry was granted, epoch ms: the channel's lifetime sets how early to renew. */
	grantedAt: number;
	/** The lifetime Bigin granted on the last enable: a renewal that grants much less did not work. */
	enabledLifetimeMs?: number;
	/** The first renewal method that worked under this Bigin's reading; later renewals start there. */
	renewBy?: RenewalMethod;
	/** Consecutive failed renewals and when to try again, epoch ms. */
	failedRenewals?: number;
	nextAttemptAt?: number;
}

const KEYS: Array<keyof ChannelState> = [
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

export function readChannelState(staticData: IDataObject): ChannelState | undefined {
	if (typeof staticData.channelId !== 'string' || typeof staticData.token !== 'string')
		return undefined;
	return staticData as unknown as ChannelState;
}

export function writeChannelState(staticData: IDataObject, state: ChannelState): void {
	clearChannelState(staticData);
	for (const key of KEYS) if (state[key] !== undefined) staticData[key] = state[key];
}

export function clearChannelState(staticData: IDataObject): void {
	for (const key of KEYS) delete staticData[key];
}
