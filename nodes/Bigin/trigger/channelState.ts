import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger keeps in the node's static data. Activation writes it and n8n persists it;
 * renewal only updates the expiry in memory, which is fine because every restart re-checks Bigin.
 */
export interface ChannelState {
	channelId: string;
	token: string;
	notifyUrl: string;
	events: string[];
	notifyOnRelatedAction: boolean;
	/** Include Changed Values: Bigin sends `affected_values`. Absent in state from older versions. */
	returnAffectedFieldValues?: boolean;
	/** Expiry Bigin returned (it may be shorter than what was asked), ISO 8601. */
	expiresAt: string;
	/** When that expiry was granted, epoch ms: the channel's lifetime sets how early to renew. */
	grantedAt: number;
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
	'expiresAt',
	'grantedAt',
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
	Object.assign(staticData, state);
}

export function clearChannelState(staticData: IDataObject): void {
	for (const key of KEYS) delete staticData[key];
}
