import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { derivedChannelId, derivedVerificationToken } from '../shared/channelIdentity';
import { BIGIN_CREDENTIAL_TYPE } from '../transport/request';

/** Activation, deactivation and each notification: every place that must agree on the channel. */
type IdentityContext = IHookFunctions | IWebhookFunctions;

/** Whether the call concerns the editor's test channel rather than the production one. */
export function isTestChannel(context: IdentityContext): boolean {
	if (context.getMode() === 'manual') return true;
	return 'getActivationMode' in context && context.getActivationMode?.() === 'manual';
}

/**
 * The channel id this node should have. It is derived from the n8n instance, the workflow, the
 * node's webhook, test-or-production and the notify URL: a lost channel comes back under the same
 * id, a test channel never shares an id (and so a DELETE) with the production one, and a copy of
 * this installation serving another URL (a staging clone) never derives production's id.
 */
export function channelIdOf(context: IdentityContext): string {
	const node = context.getNode();
	return derivedChannelId(
		context.getInstanceId(),
		context.getWorkflow().id ?? '',
		node.webhookId ?? node.id ?? node.name,
		isTestChannel(context) ? 'test' : 'production',
		context.getNodeWebhookUrl('default') as string,
	);
}

/** The channel's verification token, derived from the credential's Client Secret; undefined without one. */
export async function verificationTokenOf(
	context: IdentityContext,
	channelId: string,
): Promise<string | undefined> {
	const credentials = await context.getCredentials(BIGIN_CREDENTIAL_TYPE);
	return derivedVerificationToken(String(credentials.clientSecret ?? ''), channelId);
}
