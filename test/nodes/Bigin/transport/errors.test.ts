import { AxiosError, AxiosHeaders } from 'axios';
import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	BiginApiError,
	describeBiginEntry,
	itemErrorsOf,
	toBiginApiError,
	withItemIndex,
} from '../../../../nodes/Bigin/transport/errors';

const node: INode = {
	id: '1',
	name: 'Bigin',
	type: 'n8n-nodes-bigin.bigin',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** The error n8n's httpRequestWithAuthentication throws: a NodeApiError around axios's error. */
function n8nHttpError(status: number | undefined, data?: unknown, code?: string): NodeApiError {
	const config = { headers: new AxiosHeaders() };
	const response =
		status === undefined ? undefined : { status, statusText: '', data, headers: {}, config };
	return new NodeApiError(
		node,
		new AxiosError(
			`Request failed with status code ${status}`,
			code,
			config,
			{},
			response,
		) as never,
	);
}

describe('Bigin error mapping', () => {
	it('names code, message and field for a whole-request error', () => {
		const error = toBiginApiError(
			node,
			n8nHttpError(401, {
				code: 'INVALID_TOKEN',
				details: {},
				message: 'invalid oauth token',
				status: 'error',
			}),
		);
		expect(error).toBeInstanceOf(BiginApiError);
		expect(error.message).toBe('Bigin error INVALID_TOKEN: invalid oauth token');
		expect(error.biginCode).toBe('INVALID_TOKEN');
		expect(error.httpCode).toBe('401');
		expect(error.transient).toBe(false);
	});

	it('reads the first per-item error from a watch[] or data[] body', () => {
		const body = {
			watch: [
				{
					code: 'INVALID_DATA',
					details: { api_name: 'token', json_path: '$.watch[0].token' },
					message: 'invalid data',
					status: 'error',
				},
			],
		};
		const error = toBiginApiError(node, n8nHttpError(400, body));
		expect(error.message).toBe('Bigin error INVALID_DATA: invalid data (field: token)');
		expect(error.description).toContain('$.watch[0].token');
	});

	it('finds per-item errors inside a 2xx body, skipping successes', () => {
		const body = {
			watch: [
				{ code: 'SUCCESS', status: 'success', message: 'ok', details: {} },
				{
					code: 'MANDATORY_NOT_FOUND',
					details: { api_name: 'channel_id', json_path: '$.watch[1].channel_id' },
					message: 'required field not found',
					status: 'error',
				},
			],
		};
		expect(itemErrorsOf(body, 'watch')).toEqual([{ index: 1, entry: body.watch[1] }]);
		expect(itemErrorsOf({ data: [body.watch[1]] }, 'data')).toHaveLength(1);
		expect(itemErrorsOf(undefined, 'watch')).toEqual([]);
	});

	it('describes a field given only as a JSON path', () => {
		expect(
			describeBiginEntry({
				code: 'INVALID_DATA',
				message: 'invalid data',
				details: { json_path: '$.watch[0]' },
			}),
		).toBe('Bigin error INVALID_DATA: invalid data (field: $.watch[0])');
	});

	it("names where Bigin stopped reading a query, and a query's field", () => {
		expect(
			describeBiginEntry({
				code: 'SYNTAX_ERROR',
				message: 'error occurred while parsing the query',
				details: { line: 1, column: 18, near: 'Contacts' },
			}),
		).toBe(
			'Bigin error SYNTAX_ERROR: error occurred while parsing the query (at line 1, column 18, near "Contacts")',
		);
		expect(
			describeBiginEntry({
				code: 'INVALID_QUERY',
				message: 'Invalid query formed',
				details: { column_name: 'Nickname', reason: 'column given seems to be invalid' },
			}),
		).toBe('Bigin error INVALID_QUERY: Invalid query formed (field: Nickname)');
	});

	it.each([
		[
			429,
			{
				code: 'TOO_MANY_REQUESTS',
				message: 'API call limit has been exceeded',
				status: 'error',
				details: {},
			},
		],
		[
			500,
			{ code: 'INTERNAL_ERROR', message: 'Internal Server Error', status: 'error', details: {} },
		],
		[503, '<html>Service Unavailable</html>'],
	])('marks HTTP %s as transient', (status, body) => {
		const error = toBiginApiError(node, n8nHttpError(status, body));
		expect(error.transient).toBe(true);
		expect(error.httpCode).toBe(String(status));
	});

	it('names a 429 without a Bigin body TOO_MANY_REQUESTS', () => {
		expect(toBiginApiError(node, n8nHttpError(429, '')).message).toBe(
			'Bigin error TOO_MANY_REQUESTS: no error details in the response',
		);
	});

	it('reports a network failure as transient, saying Bigin could not be reached', () => {
		const error = toBiginApiError(node, n8nHttpError(undefined, undefined, 'ECONNREFUSED'));
		expect(error.message).toBe('Could not reach Bigin');
		expect(error.description).toBe('Network error: ECONNREFUSED');
		expect(error.transient).toBe(true);
	});

	it('reports a failure that is neither an answer nor a network error (a refused token refresh) as needing attention', () => {
		const error = toBiginApiError(
			node,
			new NodeApiError(node, new Error('The credential needs to be reconnected') as never),
		);
		expect(error.message).toBe(
			'The request to Bigin failed: The credential needs to be reconnected',
		);
		expect(error.transient).toBe(false);
	});

	it('says such a failure once: no description repeating the message', () => {
		const error = toBiginApiError(
			node,
			new NodeApiError(node, new Error('Zoho issued no access token (invalid_client)') as never),
		);
		expect(error.message).toBe(
			'The request to Bigin failed: Zoho issued no access token (invalid_client)',
		);
		expect(error.description).toBeUndefined();
	});

	it('names the scope a call needs when Bigin answers OAUTH_SCOPE_MISMATCH, and where to add it', () => {
		const mismatch = {
			code: 'OAUTH_SCOPE_MISMATCH',
			details: {},
			message: 'invalid oauth scope to access this URL',
			status: 'error',
		};
		const withCredential: INode = {
			...node,
			credentials: { biginOAuth2Api: { id: 'c1', name: 'Bigin account' } },
		};
		const error = toBiginApiError(withCredential, n8nHttpError(401, mismatch), {
			method: 'GET',
			resource: 'settings/fields',
		});
		expect(error.message).toBe(
			'Bigin error OAUTH_SCOPE_MISMATCH: invalid oauth scope to access this URL. GET settings/fields needs ZohoBigin.settings.fields.READ (or ZohoBigin.settings.ALL)',
		);
		expect(error.description).toBe(
			'Add ZohoBigin.settings.fields.READ to the Scope of "Bigin account" (Credentials, open it, Scope), then reconnect it: Zoho grants a scope only when the credential connects.',
		);
		expect(error.biginCode).toBe('OAUTH_SCOPE_MISMATCH');
		expect(error.httpCode).toBe('401');
	});

	it('ties an error to the failing item without losing its details', () => {
		const original = toBiginApiError(
			node,
			n8nHttpError(400, {
				code: 'INVALID_MODULE',
				message: 'bad module',
				status: 'error',
				details: {},
			}),
		);
		const tied = withItemIndex(node, original, 3);
		expect(tied).toBe(original);
		expect(tied.context.itemIndex).toBe(3);
		expect(withItemIndex(node, new Error('boom'), 1).message).toBe('boom');
	});
});
