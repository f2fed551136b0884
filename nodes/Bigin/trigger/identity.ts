import type { IHookFunctions, ITriggerFunctions, IWebhookFunctions } from 'n8n-workflow';

import { derivedChannelId, derivedVerificationToken } from '../shared/channelIdentity';
import { BIGIN_CREDENTIAL_TYPE } from '../transport/request';

/** Activation, deactivation and each notification: every place that can ask n8n for the webhook URL. */
type IdentityContext = IHookFunctions | IWebhookFunctions;

/** Every place that derives the channel: the renewer too, given the URL. */
type DerivingContext = IdentityContext | ITriggerFunctions;

/** Whether the call concerns the editor's test channel rather than the production one. */
export function isTestChannel(context: IdentityContext): boolean {
	if (context.getMode() === 'manual') return true;
	return 'getActivationMode' in context && context.getActivationMode?.() === 'manual';
}

/** The URL Bigin notifies for this node, as this process's n8n spells it (WEBHOOK_URL). */
export function webhookUrlOf(context: IdentityContext): string {
	return context.getNodeWebhookUrl('default') as string;
}

/**
 * The channel id this node has for a notify URL. It is derived from the n8n instance, the workflow,
 * the node's webhook, test-or-production and the notify URL: a lost channel comes back under the
 * same id, a test channel never shares an id (and so a DELETE) with the production one, and a copy
 * of this installation serving another URL (a staging clone) never derives production's id.
 */
export function channelIdFor(context: DerivingContext, notifyUrl: string, test: boolean): string {
	const node = context.getNode();
	return derivedChannelId(
		context.getInstanceId(),
		context.getWorkflow().id ?? '',
		node.webhookId ?? node.id ?? node.name,
		test ? 'test' : 'production',
		notifyUrl,
	);
}

/** The channel id for the webhook URL this process gives the node. */
export function channelIdOf(context: IdentityContext): string {
	return channelIdFor(context, webhookUrlOf(context), isTestChannel(context));
}

/** The credential's Client Secret, read now: '' without one. */
export async function clientSecretOf(context: DerivingContext): Promise<string> {
	const credentials = await context.getCredentials(BIGIN_CREDENTIAL_TYPE);
	return String(credentials.clientSecret ?? '');
}

/** The channel's verification token, derived from the credential's Client Secret; undefined without one. */
export async function verificationTokenOf(
	context: DerivingContext,
	channelId: string,
): Promise<string | undefined> {
	return derivedVerificationToken(await clientSecretOf(context), channelId);
}
