import type { IncomingMessage, ServerResponse } from 'node:http';

import { inBiginKeyOrder } from './keyOrder';
import type { Json, JsonObject } from './types';
import { ApiError, errorEntry } from './types';

export const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) {
			request.resume();
			throw new ApiError(
				413,
				errorEntry(
					'REQUEST_ENTITY_TOO_LARGE',
					`the request body is larger than ${MAX_BODY_BYTES} bytes`,
					{ limit: MAX_BODY_BYTES },
				),
			);
		}
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** A JSON body as Bigin's API requires it: right content type, parseable. */
export function parseJsonBody(request: IncomingMessage, raw: string): Json {
	const contentType = String(request.headers['content-type'] ?? '');
	if (!/^application\/json\b/i.test(contentType)) {
		throw new ApiError(
			415,
			errorEntry('UNSUPPORTED_MEDIA_TYPE', 'the content type must be application/json', {
				content_type: contentType,
			}),
		);
	}
	try {
		return JSON.parse(raw) as Json;
	} catch {
		throw new ApiError(400, errorEntry('INVALID_DATA', 'the request body is not valid JSON', {}));
	}
}

export function parseFormBody(raw: string): Record<string, string> {
	return Object.fromEntries(new URLSearchParams(raw));
}

export function sendJson(
	response: ServerResponse,
	status: number,
	body?: JsonObject | Json[],
): void {
	if (status === 204 || body === undefined) {
		response.writeHead(status).end();
		return;
	}
	const text = JSON.stringify(body);
	response
		.writeHead(status, {
			'content-type': 'application/json;charset=UTF-8',
			'content-length': Buffer.byteLength(text),
		})
		.end(text);
}

const BIGIN_JSON = 'application/json;charset=UTF-8';

/**
 * An answer of Bigin's API: JSON in Bigin's key order; a 204 has no body but, as recorded, still
 * says `content-type: application/json;charset=UTF-8`.
 */
export function sendApiJson(
	response: ServerResponse,
	status: number,
	body?: JsonObject | Json[],
): void {
	if (status === 204 || body === undefined) {
		response.writeHead(status, { 'content-type': BIGIN_JSON }).end();
		return;
	}
	const text = JSON.stringify(inBiginKeyOrder(body));
	response
		.writeHead(status, { 'content-type': BIGIN_JSON, 'content-length': Buffer.byteLength(text) })
		.end(text);
}

export function sendHtml(response: ServerResponse, status: number, html: string): void {
	response.writeHead(status, { 'content-type': 'text/html;charset=UTF-8' }).end(html);
}
