import type { IWebhookFunctions } from 'n8n-workflow';

import { BIGIN_CREDENTIAL_TYPE } from '../transport/request';
import { clientSecretOf } from './identity';

/**
 * Client Secrets this process has read, per credential: verifying a notification reads the
 * credential once per process, not once per call. Memory only, like n8n's own copy of it.
 */
const secrets = new Map<string, string>();

function credentialKeyOf(context: IWebhookFunctions): string {
	const node = context.getNode();
	return (
		node.credentials?.[BIGIN_CREDENTIAL_TYPE]?.id ??
		`${context.getWorkflow().id ?? ''}/${node.id ?? node.name}`
	);
}

/**
 * The credential's Client Secret, read once and then remembered. `reread` reads it again: a secret
 * changed in n8n since must not leave every notification refused.
 */
export async function rememberedClientSecret(
	context: IWebhookFunctions,
	reread = false,
): Promise<{ secret: string; justRead: boolean }> {
	const key = credentialKeyOf(context);
	const known = secrets.get(key);
	if (known !== undefined && !reread) return { secret: known, justRead: false };
	const secret = await clientSecretOf(context);
	secrets.set(key, secret);
	return { secret, justRead: true };
}
