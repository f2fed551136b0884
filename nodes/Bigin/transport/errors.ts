import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { missingScopeAdvice } from './scopes';

/** One entry of Bigin's error vocabulary, whole-request or per item. */
export interface BiginStatusEntry {
	code?: string;
	message?: string;
	status?: string;
	details?: IDataObject;
}

export interface BiginItemError {
	index: number;
	entry: BiginStatusEntry;
}

export class BiginApiError extends NodeApiError {
	readonly biginCode?: string;

	/** Bigin's `details`: which field or parameter the error is about. */
	readonly biginDetails?: IDataObject;

	/** Worth another attempt later: rate limits, server errors and network failures. */
	readonly transient: boolean;

	/** How long Bigin asked callers to wait (its Retry-After header), in milliseconds. */
	readonly retryAfterMs?: number;

	/** Bigin's whole answer, for callers that read per-record entries out of a failed call. */
	responseBody?: unknown;

	constructor(
		node: INode,
		entry: BiginStatusEntry,
		options: {
			httpCode?: number;
			transient?: boolean;
			message?: string;
			description?: string;
			itemIndex?: number;
			retryAfterMs?: number;
		} = {},
	) {
		super(node, entry as JsonObject, {
			message: options.message ?? describeBiginEntry(entry),
			description: options.description ?? fieldDescription(entry),
			httpCode: options.httpCode === undefined ? undefined : String(options.httpCode),
			itemIndex: options.itemIndex,
		});
		this.biginCode = entry.code;
		this.biginDetails = entry.details;
		this.transient = options.transient ?? isTransientStatus(options.httpCode);
		this.retryAfterMs = options.retryAfterMs;
	}
}

export function isTransientStatus(status: number | undefined): boolean {
	return status === undefined || status === 429 || status >= 500;
}

export function isBiginStatusEntry(value: unknown): value is BiginStatusEntry {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		typeof (value as BiginStatusEntry).code === 'string' &&
		typeof (value as BiginStatusEntry).status === 'string'
	);
}

/**
 * The offending field, as Bigin names it: `api_name`, else the JSON path into the request; a
 * query's field as `column_name`.
 */
export function offendingField(entry: BiginStatusEntry): string | undefined {
	const details = entry.details ?? {};
	const field = details.api_name ?? details.json_path ?? details.param_name ?? details.column_name;
	return typeof field === 'string' && field !== '' ? field : undefined;
}

/** Where Bigin stopped reading a query it could not parse: line, column and the text there. */
export function queryPosition(entry: BiginStatusEntry): string | undefined {
	const { line, column, near } = entry.details ?? {};
	if (typeof column !== 'number') return undefined;
	const nearText = typeof near === 'string' ? `, near "${near}"` : '';
	return `line ${typeof line === 'number' ? line : 1}, column ${column}${nearText}`;
}

export function describeBiginEntry(entry: BiginStatusEntry): string {
	const code = entry.code ?? 'UNKNOWN_ERROR';
	const message = entry.message ?? 'no message';
	const field = offendingField(entry);
	const position = queryPosition(entry);
	return `Bigin error ${code}: ${message}${field ? ` (field: ${field})` : ''}${position ? ` (at ${position})` : ''}`;
}

function fieldDescription(entry: BiginStatusEntry): string | undefined {
	const details = entry.details ?? {};
	const parts: string[] = [];
	if (typeof details.json_path === 'string') parts.push(`JSON path: ${details.json_path}`);
	if (typeof details.expected_data_type === 'string') {
		parts.push(`Expected type: ${details.expected_data_type}`);
	}
	if (typeof details.maximum_length === 'number') {
		parts.push(`Maximum length: ${details.maximum_length}`);
	}
	if (typeof details.reason === 'string') parts.push(`Reason: ${details.reason}`);
	return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * Bigin answers multi-item calls (`watch[]`, `data[]`) with one status per item, and an item can
 * fail while the HTTP status still says 200, 201 or 202.
 */
export function itemErrorsOf(body: unknown, key: 'watch' | 'data'): BiginItemError[] {
	if (typeof body !== 'object' || body === null) return [];
	const items = (body as IDataObject)[key];
	if (!Array.isArray(items)) return [];
	return items.flatMap((entry, index) =>
		isBiginStatusEntry(entry) && entry.status === 'error' ? [{ index, entry }] : [],
	);
}

/** The readable cause of a failed HTTP call, whatever shape n8n's request helper wrapped it in. */
export interface HttpFailure {
	status?: number;
	body?: unknown;
	/** From a Retry-After header, in milliseconds. */
	retryAfterMs?: number;
	/** Set when no answer came back at all: refused, reset, timed out, unresolvable. */
	networkMessage?: string;
	/** Set for anything else, e.g. a token refresh Zoho refused. */
	otherMessage?: string;
}

const NETWORK_FAILURE = /^E[A-Z_]+$|socket hang up|timeout|timed out|network/i;

interface ErrorLike {
	message?: string;
	httpCode?: string | null;
	cause?: ErrorLike;
	response?: { status?: number; data?: unknown; body?: unknown; headers?: unknown };
	context?: { data?: unknown };
	code?: string;
}

export function httpFailureOf(error: unknown): HttpFailure {
	const candidates: ErrorLike[] = [];
	let current = error as ErrorLike | undefined;
	while (current && typeof current === 'object' && candidates.length < 5) {
		candidates.push(current);
		current = current.cause;
	}
	for (const candidate of candidates) {
		const response = candidate.response;
		if (response && typeof response.status === 'number') {
			return {
				status: response.status,
				body: response.data ?? response.body,
				retryAfterMs: retryAfterMsOf(response.headers),
			};
		}
	}
	const withCode = candidates.find(
		(candidate) => candidate.httpCode && /^\d{3}$/.test(candidate.httpCode),
	);
	if (withCode) {
		return { status: Number(withCode.httpCode), body: withCode.context?.data };
	}
	const innermost = candidates[candidates.length - 1];
	const network = candidates
		.map((candidate) => candidate.code ?? candidate.message ?? '')
		.find((text) => NETWORK_FAILURE.test(text));
	if (network) return { networkMessage: network };
	return { otherMessage: innermost?.message ?? String(error) };
}

/** Retry-After as seconds or as an HTTP date; anything unreadable counts as absent. */
export function retryAfterMsOf(headers: unknown, now = Date.now()): number | undefined {
	if (typeof headers !== 'object' || headers === null) return undefined;
	const raw = (headers as Record<string, unknown>)['retry-after'];
	if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
	const text = String(raw).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The call that failed: its method and its path below `/bigin/v2/`. */
export interface BiginCall {
	method: string;
	resource: string;
}

/**
 * Bigin's OAUTH_SCOPE_MISMATCH names no scope: the error says which one the call needs and where
 * to add it, in the credential the node uses.
 */
function scopeMismatchError(
	node: INode,
	entry: BiginStatusEntry,
	call: BiginCall,
	httpDetails: { httpCode?: number; retryAfterMs?: number },
): BiginApiError {
	const credentialName = node.credentials?.biginOAuth2Api?.name ?? undefined;
	const advice = missingScopeAdvice(call.method, call.resource, credentialName);
	return new BiginApiError(node, entry, {
		...httpDetails,
		message: `${describeBiginEntry(entry)}. ${advice.needs}`,
		description: advice.fix,
	});
}

/**
 * Turns any failed call into a node error that names Bigin's code, message and field; a missing
 * scope is named from the call (when given).
 */
export function toBiginApiError(node: INode, error: unknown, call?: BiginCall): BiginApiError {
	if (error instanceof BiginApiError) return error;
	const failure = httpFailureOf(error);
	if (failure.otherMessage !== undefined) {
		// One message, no description: n8n shows a description that repeats the message twice.
		const message = `The request to Bigin failed: ${failure.otherMessage}`;
		return new BiginApiError(
			node,
			{ code: 'REQUEST_FAILED', message, status: 'error' },
			{ message, transient: false },
		);
	}
	if (failure.status === undefined) {
		return new BiginApiError(
			node,
			{ code: 'NETWORK_ERROR', message: 'no response', status: 'error' },
			{
				// n8n rewrites messages that contain a network error code, so the code goes in the description
				message: 'Could not reach Bigin',
				description: `Network error: ${failure.networkMessage}`,
				transient: true,
			},
		);
	}
	const body = failure.body;
	const withBody = (apiError: BiginApiError) => {
		apiError.responseBody = body;
		return apiError;
	};
	const httpDetails = { httpCode: failure.status, retryAfterMs: failure.retryAfterMs };
	if (isBiginStatusEntry(body)) {
		return withBody(
			body.code === 'OAUTH_SCOPE_MISMATCH' && call
				? scopeMismatchError(node, body, call, httpDetails)
				: new BiginApiError(node, body, httpDetails),
		);
	}
	const firstItemError = [...itemErrorsOf(body, 'watch'), ...itemErrorsOf(body, 'data')][0];
	if (firstItemError) {
		return withBody(new BiginApiError(node, firstItemError.entry, httpDetails));
	}
	const entry: BiginStatusEntry = {
		code: failure.status === 429 ? 'TOO_MANY_REQUESTS' : `HTTP_${failure.status}`,
		message:
			typeof body === 'string' && body !== ''
				? body.slice(0, 200)
				: 'no error details in the response',
		status: 'error',
	};
	return new BiginApiError(node, entry, httpDetails);
}

/** Keeps a node error as it is (Bigin's details included) and ties it to the input item that failed. */
export function withItemIndex(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
	nodeError.context.itemIndex = itemIndex;
	return nodeError;
}
