import type { IHookFunctions, ITriggerFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { eventsProblem } from '../shared/validation';
import { channelIdOf, isTestChannel, verificationTokenOf, webhookUrlOf } from './identity';
import type { ChannelIdentity } from './storedChannel';

/** Lifetime asked for on every enable and renewal: under Bigin's one-day maximum, with room for clock skew. */
const PRODUCTION_LIFETIME_HOURS = 23;

/** A test channel ("listen for test event") is never renewed; if n8n stops while listening, it lapses soon. */
const TEST_LIFETIME_HOURS = 1;

/**
 * What the trigger asks Bigin for. `definition` is the channel under Bigin's own field names, all
 * but its expiry: it is sent as it is (channel.ts) and compared field by field with Bigin's listing
 * (reconcile.ts), so an option that is a Bigin field needs its field here, its parameter in
 * descriptions.ts, and no other code. It lives in memory only: its token is never stored.
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

/** The node's Options parameter (descriptions.ts), as far as the channel is concerned. */
export interface ChannelOptions {
	includeChangedValues?: boolean;
	notifyOnRelatedAction?: boolean;
	fetchRecords?: boolean;
	ignoreRepeats?: boolean;
}

type SettingsContext = IHookFunctions | IWebhookFunctions | ITriggerFunctions;

/** The Events and Options parameters, as they are (the webhook checks notifications against them). */
export function channelParametersOf(context: SettingsContext): {
	events: string[];
	options: ChannelOptions;
} {
	return {
		events: context.getNodeParameter('events', []) as string[],
		options: context.getNodeParameter('options', {}) as ChannelOptions,
	};
}

/**
 * The settings of the channel with this identity, from the node's parameters and the credential:
 * the only place that reads them for the channel. The token is derived (identity.ts), so
 * activation, the renewer and every process that receives a notification compute the same one.
 */
export async function settingsFor(
	context: SettingsContext,
	identity: ChannelIdentity,
	test = false,
): Promise<ChannelSettings> {
	const node = context.getNode();
	const { events, options } = channelParametersOf(context);
	const problem = eventsProblem(events);
	if (problem) throw new NodeOperationError(node, problem);
	const token = await verificationTokenOf(context, identity.channelId);
	if (!token) {
		throw new NodeOperationError(node, 'The Bigin credential has no Client Secret', {
			description:
				"The trigger derives its channel's verification token from the credential's Client Secret. Enter it in the credential.",
		});
	}
	return {
		definition: {
			channel_id: identity.channelId,
			events,
			notify_url: identity.notifyUrl,
			token,
			notify_on_related_action: options.notifyOnRelatedAction ?? false,
			return_affected_field_values: options.includeChangedValues ?? false,
		},
		lifetimeHours: test ? TEST_LIFETIME_HOURS : PRODUCTION_LIFETIME_HOURS,
	};
}

/** The settings of the channel this process derives for the node: its id from its webhook URL. */
export async function readChannelSettings(
	context: IHookFunctions | IWebhookFunctions,
): Promise<ChannelSettings> {
	return await settingsFor(
		context,
		{ channelId: channelIdOf(context), notifyUrl: webhookUrlOf(context) },
		isTestChannel(context),
	);
}

/** What static data keeps of a channel with these settings: its identity, never its token. */
export function identityOf(settings: ChannelSettings): ChannelIdentity {
	return { channelId: settings.definition.channel_id, notifyUrl: settings.definition.notify_url };
}
