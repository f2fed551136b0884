import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { eventsProblem } from '../shared/validation';
import { channelIdOf, isTestChannel, verificationTokenOf } from './identity';

/** Lifetime asked for on every enable and renewal: under Bigin's one-day maximum, with room for clock skew. */
const PRODUCTION_LIFETIME_HOURS = 23;

/** A test channel ("listen for test event") is never renewed; if n8n stops while listening, it lapses soon. */
const TEST_LIFETIME_HOURS = 1;

/**
 * What the trigger asks Bigin for. `definition` is the channel under Bigin's own field names, all
 * but its expiry: it is sent as it is (channel.ts) and compared field by field with Bigin's listing
 * (reconcile.ts), so an option that is a Bigin field needs its field here, its parameter in
 * descriptions.ts, and no other code.
 */
export interface ChannelSettings {
	definition: {
		channel_id: string;
		events: string[];
		notify_url: string;
		token: string;
		notify_on_related_action: boolean;
		return_affected_field_values: boolean;
	};
	/** Each enable and renewal asks for an expiry this many hours ahead. */
	lifetimeHours: number;
}

/** The node's Options parameter (descriptions.ts), as far as Bigin is asked for it. */
interface ChannelOptions {
	includeChangedValues?: boolean;
	notifyOnRelatedAction?: boolean;
}

/**
 * The settings, read from the node's parameters; the only place that reads them for the channel.
 * The channel id and token are derived (identity.ts), so activation and every process that
 * receives a notification compute the same ones.
 */
export async function readChannelSettings(
	context: IHookFunctions | IWebhookFunctions,
): Promise<ChannelSettings> {
	const node = context.getNode();
	const events = context.getNodeParameter('events', []) as string[];
	const problem = eventsProblem(events);
	if (problem) throw new NodeOperationError(node, problem);
	const options = context.getNodeParameter('options', {}) as ChannelOptions;
	const channelId = channelIdOf(context);
	const token = await verificationTokenOf(context, channelId);
	if (!token) {
		throw new NodeOperationError(node, 'The Bigin credential has no Client Secret', {
			description:
				"The trigger derives its channel's verification token from the credential's Client Secret. Enter it in the credential.",
		});
	}
	return {
		definition: {
			channel_id: channelId,
			events,
			notify_url: context.getNodeWebhookUrl('default') as string,
			token,
			notify_on_related_action: options.notifyOnRelatedAction ?? false,
			return_affected_field_values: options.includeChangedValues ?? false,
		},
		lifetimeHours: isTestChannel(context) ? TEST_LIFETIME_HOURS : PRODUCTION_LIFETIME_HOURS,
	};
}
