import type { IncomingMessage, ServerResponse } from 'node:http';

import { authorize, exchangeToken, revokeToken } from './accounts';
import {
	authenticate,
	requireNotificationScope,
	requireOrgScope,
	requireRecordScope,
	requireSearchScope,
	requireSettingsScope,
	requireUsersScope,
} from './auth';
import { handleControl } from './control';
import { parseFormBody, parseJsonBody, readBody, sendApiJson, sendHtml, sendJson } from './http';
import { notifyChange } from './notifier';
import { getOrg, getUser, listUsers } from './org';
import { simulatorPage } from './page';
import { loggedQuery, runCoqlQuery } from './coql';
import { countRecords, listRecords, searchRecords } from './listing';
import { createRecords, deleteRecords, getRecord, updateRecords, upsertRecords } from './records';
import { linkRelated, listRelated, unlinkRelated } from './related';
import { listFields, listLayouts, listModules } from './settings';
import type { SimulatorState } from './state';
import type { Fault, RequestLogEntry } from './types';
import { ApiError, errorEntry } from './types';
import type { Routed } from './route';
import { disableChannels, listChannels, writeChannels } from './watch';

const API_PATH = /^\/bigin\/v[12]\/(.+)$/;

export class SimulatorServer {
	/** Notifications still being delivered, so tests can wait for quiet. */
	readonly inFlight = new Set<Promise<void>>();

	constructor(readonly state: SimulatorState) {}

	async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://simulator.invalid');
		const method = (request.method ?? 'GET').toUpperCase();
		const query = Object.fromEntries(url.searchParams);
		const entry: RequestLogEntry = {
			at: this.state.now(),
			method,
			path: url.pathname,
			query: redact(query),
			status: 0,
			auth: 'none',
		};
		response.on('finish', () => {
			entry.status = response.statusCode;
		});
		if (!url.pathname.startsWith('/_sim/')) this.state.requestLog.push(entry);
		let api = false;
		let lostAnswer: Fault | undefined;

		try {
			if (!url.pathname.startsWith('/_sim/') && url.pathname !== '/') {
				const fault = this.state.takeFault(method, url.pathname);
				if (fault?.afterHandling) lostAnswer = fault;
				else if (fault) return await this.injectFault(fault, request, response);
			}
			if (url.pathname === '/' && method === 'GET') return sendHtml(response, 200, simulatorPage());
			if (url.pathname.startsWith('/_sim/')) {
				const raw = await readBody(request);
				const routed = await handleControl(this.state, method, url.pathname, query, raw, this);
				return this.finish(response, routed);
			}
			if (url.pathname.startsWith('/oauth/v2/'))
				return await this.handleAccounts(request, response, method, url.pathname, query);
			const apiMatch = API_PATH.exec(url.pathname);
			if (apiMatch) {
				api = true;
				const caller = authenticate(this.state, request.headers.authorization);
				entry.auth = caller.scheme;
				const recordCall = isRecordCall(apiMatch[1]);
				if (recordCall) this.admitRecordCall(response);
				try {
					const raw = await readBody(request);
					if (apiMatch[1] === 'coql') entry.selectQuery = loggedQuery(raw);
					const routed = this.handleApi(request, method, apiMatch[1], query, raw, caller);
					if (
						(method === 'GET' || apiMatch[1] === 'coql') &&
						recordCall &&
						this.state.config.recordReadDelayMs > 0
					) {
						await new Promise((resolve) =>
							setTimeout(resolve, this.state.config.recordReadDelayMs),
						);
					}
					if (lostAnswer) {
						this.notifyChanges(routed);
						return await this.injectFault(lostAnswer, request, response);
					}
					return this.finish(response, routed, true);
				} finally {
					if (recordCall) this.state.recordCallsInFlight -= 1;
				}
			}
			throw invalidUrl();
		} catch (error) {
			if (lostAnswer) return await this.injectFault(lostAnswer, request, response);
			if (error instanceof ApiError)
				return (api ? sendApiJson : sendJson)(response, error.status, error.body);
			const message = error instanceof Error ? error.message : String(error);
			return sendJson(
				response,
				500,
				errorEntry('INTERNAL_ERROR', `Internal Server Error: ${message}`, {}),
			);
		}
	}

	/**
	 * Sends the answer (the API's in Bigin's key order, a 204 with its content type), then the
	 * notifications the changes cause, as Bigin does.
	 */
	finish(response: ServerResponse, routed: Routed, api = false): void {
		(api ? sendApiJson : sendJson)(response, routed.status, routed.body);
		this.notifyChanges(routed);
	}

	private notifyChanges(routed: Routed): void {
		for (const change of routed.changes ?? []) this.track(notifyChange(this.state, change));
	}

	/**
	 * Bigin serves a limited number of record calls at once (numbers unpublished, bigin-api.md
	 * §7.4); one more is answered 429 with Retry-After. A call counts from its arrival until its
	 * answer is sent, slow-read delay included, so bursts really overlap.
	 */
	private admitRecordCall(response: ServerResponse): void {
		const limit = this.state.config.recordConcurrencyLimit;
		if (limit > 0 && this.state.recordCallsInFlight >= limit) {
			response.setHeader('Retry-After', String(this.state.config.concurrencyRetryAfterSeconds));
			throw new ApiError(
				429,
				errorEntry('TOO_MANY_REQUESTS', 'API call limit has been exceeded', {
					concurrency_limit: limit,
				}),
			);
		}
		this.state.recordCallsInFlight += 1;
	}

	track(delivery: Promise<void>): void {
		this.inFlight.add(delivery);
		void delivery.finally(() => this.inFlight.delete(delivery));
	}

	private async injectFault(
		fault: Fault,
		request: IncomingMessage,
		response: ServerResponse,
	): Promise<void> {
		request.resume();
		if (fault.kind === 'timeout') {
			await new Promise((resolve) => setTimeout(resolve, fault.holdMs));
			response.destroy();
			return;
		}
		if (fault.retryAfterSeconds !== undefined)
			response.setHeader('Retry-After', String(fault.retryAfterSeconds));
		if (fault.kind === 429) {
			return sendJson(
				response,
				429,
				errorEntry('TOO_MANY_REQUESTS', 'API call limit has been exceeded', {}),
			);
		}
		return sendJson(response, 500, errorEntry('INTERNAL_ERROR', 'Internal Server Error', {}));
	}

	private async handleAccounts(
		request: IncomingMessage,
		response: ServerResponse,
		method: string,
		path: string,
		query: Record<string, string>,
	): Promise<void> {
		if ((path === '/oauth/v2/auth' || path === '/oauth/v2/auth/approve') && method === 'GET') {
			const outcome = authorize(this.state, query, path.endsWith('/approve'));
			if (outcome.kind === 'redirect') {
				response.writeHead(302, { location: outcome.location }).end();
				return;
			}
			if (outcome.kind === 'consent') return sendHtml(response, 200, outcome.html);
			return sendHtml(response, outcome.status, `<!doctype html><h1>${outcome.message}</h1>`);
		}
		if ((path === '/oauth/v2/token' || path === '/oauth/v2/token/revoke') && method === 'POST') {
			const params = { ...query, ...parseFormBody(await readBody(request)) };
			const body = path.endsWith('/revoke')
				? revokeToken(this.state, params.token ?? '')
				: exchangeToken(this.state, params);
			return sendJson(response, 200, body);
		}
		throw new ApiError(
			404,
			errorEntry(
				'INVALID_URL_PATTERN',
				'Please check if the URL trying to access is a correct one',
				{},
			),
		);
	}

	private handleApi(
		request: IncomingMessage,
		method: string,
		resource: string,
		query: Record<string, string>,
		raw: string,
		caller: ReturnType<typeof authenticate>,
	): Routed {
		const bodyFor = () => parseJsonBody(request, raw);
		if (resource === 'actions/watch') {
			requireNotificationScope(caller, method);
			if (method === 'GET') return listChannels(this.state, query);
			if (method === 'DELETE') return disableChannels(this.state, query);
			if (method === 'POST' || method === 'PUT' || method === 'PATCH')
				return writeChannels(this.state, method, bodyFor());
			throw invalidMethod();
		}
		if (resource.startsWith('settings/')) {
			if (method !== 'GET') throw invalidMethod();
			const area = resource.slice('settings/'.length);
			const settings: Record<
				string,
				(state: SimulatorState, query: Record<string, string>) => Routed
			> = {
				modules: listModules,
				fields: listFields,
				layouts: listLayouts,
			};
			if (!settings[area]) throw invalidUrl();
			requireSettingsScope(caller, area);
			return settings[area](this.state, query);
		}
		if (resource === 'coql') {
			if (method !== 'POST') throw invalidMethod();
			return runCoqlQuery(this.state, caller, bodyFor());
		}
		const [module, id, related, relatedId, ...rest] = resource.split('/');
		if (module === 'users' || module === 'org') {
			if (method !== 'GET' || related !== undefined) throw invalidMethod();
			if (module === 'org') {
				if (id !== undefined) throw invalidUrl();
				requireOrgScope(caller);
				return getOrg(this.state);
			}
			requireUsersScope(caller);
			return id === undefined ? listUsers(this.state, query) : getUser(this.state, id);
		}
		if (id === 'search' && related === undefined) {
			if (method !== 'GET') throw invalidMethod();
			requireSearchScope(caller, module);
			return searchRecords(this.state, module, query);
		}
		if (id === 'upsert' && related === undefined) {
			if (method !== 'POST') throw invalidMethod();
			requireRecordScope(caller, method, module);
			return upsertRecords(this.state, module, bodyFor());
		}
		if (id === 'actions' && related === 'count' && relatedId === undefined) {
			if (method !== 'GET') throw invalidMethod();
			requireRecordScope(caller, method, module);
			return countRecords(this.state, module, query);
		}
		if (rest.length > 0) throw invalidUrl();
		requireRecordScope(caller, method, module);
		if (related !== undefined) {
			if (method === 'GET' && relatedId === undefined)
				return listRelated(this.state, module, id, related, query);
			if (method === 'PUT')
				return linkRelated(this.state, module, id, related, relatedId, raw ? bodyFor() : null);
			if (method === 'DELETE')
				return unlinkRelated(this.state, module, id, related, relatedId, query);
			throw invalidMethod();
		}
		if (id !== undefined) {
			if (method === 'GET') return getRecord(this.state, module, id, query);
			if (method === 'PUT') return updateRecords(this.state, module, bodyFor(), id);
			if (method === 'DELETE') return deleteRecords(this.state, module, [id]);
			throw invalidMethod();
		}
		if (method === 'GET') return listRecords(this.state, module, query);
		if (method === 'POST') return createRecords(this.state, module, bodyFor());
		if (method === 'PUT') return updateRecords(this.state, module, bodyFor());
		if (method === 'DELETE')
			return deleteRecords(
				this.state,
				module,
				(query.ids ?? '')
					.split(',')
					.map((value) => value.trim())
					.filter(Boolean),
			);
		throw invalidMethod();
	}
}

/** Calls of the records API (the ones Bigin's concurrency limit counts), not settings or watch. */
function isRecordCall(resource: string): boolean {
	const top = resource.split('/')[0];
	return top !== 'actions' && top !== 'settings' && top !== 'users' && top !== 'org';
}

function invalidUrl(): ApiError {
	return new ApiError(
		404,
		errorEntry(
			'INVALID_URL_PATTERN',
			'Please check if the URL trying to access is a correct one',
			{},
		),
	);
}

function invalidMethod(): ApiError {
	return new ApiError(
		400,
		errorEntry('INVALID_REQUEST_METHOD', 'The http request method type is not a valid one', {}),
	);
}

/** The request log never keeps secrets, even ones that arrive in a query string. */
function redact(query: Record<string, string>): Record<string, string> {
	const secret = /token|secret|code/i;
	return Object.fromEntries(
		Object.entries(query).map(([key, value]) => [key, secret.test(key) ? '[redacted]' : value]),
	);
}
