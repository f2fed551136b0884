import type { RecordChange } from './notifier';
import type { Json, JsonObject } from './types';

/** What a route answers: a status, a JSON body, and the record changes to notify channels of. */
export interface Routed {
	status: number;
	body?: JsonObject | Json[];
	changes?: RecordChange[];
}
