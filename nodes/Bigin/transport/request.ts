import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { biginApiUrl, resolveApiDomain } from './apiDomain';
import { toBiginApiError } from './errors';
import type { RetryPolicy } from './retry';
import { withRetry } from './retry';

export const BIGIN_CREDENTIAL_TYPE = 'biginOAuth2Api';

const REQUEST_TIMEOUT_MS = 30_000;

export type BiginContext =
	| IExecuteFunctions
	| IHookFunctions
	| ITriggerFunctions
	| IWebhookFunctions
	| ILoadOptionsFunctions;

export interface BiginResponse<T> {
	statusCode: number;
	/** Undefined when Bigin answered 204: nothing there. */
	body: T | undefined;
}

export interface BiginRequest {
	method: IHttpRequestMethods;
	/** Path below `/bigin/v2/`, e.g. `actions/watch` or `Contacts/123`. */
	resource: string;
	body?: IDataObject;
	qs?: IDataObject;
	/**
	 * Whether repeating the call after a server or network failure is harmless. Defaults to true
	 * for GET, PUT and DELETE; a 429 is retried either way, because Bigin did nothing.
	 */
	idempotent?: boolean;
	/** How long passing failures are retried; the request policy unless a caller needs another budget. */
	retryPolicy?: RetryPolicy;
	/** Told before every attempt, the first included: a caller can learn that the call was repeated. */
	onAttempt?: () => void;
}

const IDEMPOTENT_METHODS = new Set<IHttpRequestMethods>(['GET', 'HEAD', 'PUT', 'DELETE']);

/**
 * The one place that talks to Bigin. n8n's OAuth2 helper signs the call and, on 401, refreshes the
 * token and retries once; passing failures (429, 5xx, network) are retried here with back-off that
 * honours Retry-After (see `withRetry`). Whole-request failures become a BiginApiError; per-item
 * errors inside a 2xx body are the caller's to inspect (see `itemErrorsOf`), because only the
 * caller knows which ones are harmless.
 */
export async function biginApiRequest<T = IDataObject>(
	context: BiginContext,
	request: BiginRequest,
): Promise<BiginResponse<T>> {
	const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
	return await withRetry(
		async () => {
			request.onAttempt?.();
			return await sendOnce<T>(context, request);
		},
		{
			idempotent,
			policy: request.retryPolicy,
		},
	);
}

async function sendOnce<T>(
	context: BiginContext,
	request: BiginRequest,
): Promise<BiginResponse<T>> {
	const credentials = await context.getCredentials(BIGIN_CREDENTIAL_TYPE);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: biginApiUrl(resolveApiDomain(credentials), request.resource),
		qs: request.qs,
		body: request.body,
		json: true,
		returnFullResponse: true,
		timeout: REQUEST_TIMEOUT_MS,
	};
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			BIGIN_CREDENTIAL_TYPE,
			options,
		)) as { statusCode: number; body: unknown };
		const empty =
			response.statusCode === 204 || response.body === '' || response.body === undefined;
		return { statusCode: response.statusCode, body: empty ? undefined : (response.body as T) };
	} catch (error) {
		throw toBiginApiError(context.getNode(), error, request);
	}
}
