import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { DEFAULT_MODULE } from '../shared/modules';
import { BIGIN_CREDENTIAL_TYPE } from '../transport/request';

/** The module the node is set to, as the editor has it now. */
export function currentModule(context: ILoadOptionsFunctions): string {
	const module = context.getCurrentNodeParameter('module');
	return typeof module === 'string' && module !== '' ? module : DEFAULT_MODULE;
}

export function currentText(context: ILoadOptionsFunctions, name: string): string {
	const value = context.getCurrentNodeParameter(name);
	return typeof value === 'string' ? value : '';
}

/**
 * n8n hands an editor call the credential the node has at the moment the editor asks; a node that
 * just opened may not have it yet (the editor attaches it once it has loaded the usable
 * credentials), and such a call cannot reach Bigin.
 */
export function hasCredential(context: ILoadOptionsFunctions): boolean {
	return Boolean(context.getNode().credentials?.[BIGIN_CREDENTIAL_TYPE]);
}

/** For lists: n8n loads them again by itself once the node has its credential. */
export const NO_CREDENTIAL_YET =
	'No Bigin credential yet: choose or connect a Bigin credential above, and this list loads.';

/** For the field mapper, which n8n does not load again by itself when the credential arrives. */
export const NO_CREDENTIAL_FOR_FIELDS =
	"n8n asked for Bigin's fields before it had attached a credential to this node. Once a Bigin credential shows above, click <b>Retry</b> to load them.";

/** An error's message for the editor, with its description when that adds what to do. */
export function editorReason(error: unknown): string {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		const { message, description } = error;
		return description && description !== message
			? `${message.replace(/[.\s]+$/, '')}. ${description}`
			: message;
	}
	return error instanceof Error ? error.message : String(error);
}

/**
 * Runs an editor call that needs Bigin. The editor shows only an error's message, so a refusal
 * (a missing credential, a missing scope, a connection Zoho refused) comes back as one message
 * that says what to do.
 */
export async function fromBigin<T>(
	context: ILoadOptionsFunctions,
	load: () => Promise<T>,
): Promise<T> {
	if (!hasCredential(context)) throw new NodeOperationError(context.getNode(), NO_CREDENTIAL_YET);
	try {
		return await load();
	} catch (error) {
		throw new NodeOperationError(context.getNode(), editorReason(error));
	}
}
