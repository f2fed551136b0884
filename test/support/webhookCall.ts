import type { IDataObject, INode } from 'n8n-workflow';

import { hookContext } from '../../tools/contexts/contexts';
import type { Credentials, LoggedLine } from '../../tools/contexts/nodeHarness';
import { derivedVerificationToken } from '../../nodes/Bigin/shared/channelIdentity';
import { writeStoredChannel } from '../../nodes/Bigin/trigger/storedChannel';

/**
 * A stored channel and the notifications Bigin sends for it, for calling webhook() directly: the
 * channel activation registered (its id stored, its token derived from SECRET), and what n8n tells
 * the webhook.
 */
export const SECRET = 'the-client-secret-of-the-test-credential';
const CHANNEL_ID = '4711000000000001';
export const CHANNEL = {
	channelId: CHANNEL_ID,
	token: String(derivedVerificationToken(SECRET, CHANNEL_ID)),
};
export const PARAMETERS = { events: ['Contacts.all', 'Accounts.edit'], options: {} };
export const WEBHOOK_URL = 'http://127.0.0.1/webhook';

/** Static data holding the channel as activation stores it: its id and URL, no token. */
export function staticDataWith(): IDataObject {
	const staticData: IDataObject = {};
	writeStoredChannel(staticData, {
		channelId: CHANNEL.channelId,
		notifyUrl: WEBHOOK_URL,
		expiresAt: new Date(Date.now() + 3600_000).toISOString(),
		grantedAt: Date.now(),
	});
	return staticData;
}

/** What the webhook learns from n8n: the credential (with its Client Secret), parameters, URL, logger. */
export function identity(
	node: INode,
	staticData: IDataObject,
	options: { parameters?: IDataObject; log?: LoggedLine[]; credentials?: Credentials } = {},
) {
	return hookContext({
		node,
		credentials: options.credentials ?? { clientSecret: SECRET, oauthTokenData: {} },
		parameters: options.parameters ?? PARAMETERS,
		staticData,
		webhookUrl: WEBHOOK_URL,
		log: options.log,
	});
}

/** A notification as Bigin sends it for the stored channel. */
export function genuine(overrides: IDataObject = {}): IDataObject {
	return {
		server_time: Date.now(),
		query_params: {},
		module: 'Contacts',
		ids: ['6756839000000575405'],
		affected_fields: [],
		operation: 'insert',
		channel_id: CHANNEL.channelId,
		token: CHANNEL.token,
		...overrides,
	};
}
