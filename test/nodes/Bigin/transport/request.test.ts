import type { RunningSimulator } from '../../../../tools/simulator';
import { startSimulator } from '../../../../tools/simulator';
import { executeContext } from '../../../../tools/contexts/contexts';
import type { RequestRecorder } from '../../../../tools/contexts/nodeHarness';
import { simulatorCredentials, testNode } from '../../../../tools/contexts/nodeHarness';
import { simClient } from '../../../../tools/simulator/client';
import { biginApiRequest } from '../../../../nodes/Bigin/transport/request';
import { BiginApiError } from '../../../../nodes/Bigin/transport/errors';

describe('Transport against the Bigin simulator', () => {
	let sim: RunningSimulator;
	let recorder: RequestRecorder;

	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => {
		sim.state.reset();
		recorder = { requests: [], refreshes: 0 };
	});

	async function context(scope?: string) {
		const credentials = await simulatorCredentials(sim, scope);
		return {
			credentials,
			ctx: executeContext({
				node: testNode('bigin'),
				credentials,
				parameters: {},
				input: [],
				recorder,
			}),
		};
	}

	it('calls {api_domain}/bigin/v2/… with JSON and reads 204 as nothing there', async () => {
		const { ctx } = await context();
		const response = await biginApiRequest(ctx, {
			method: 'GET',
			resource: 'actions/watch',
			qs: { channel_id: '1' },
		});
		expect(response).toEqual({ statusCode: 204, body: undefined });
		expect(recorder.requests[0]).toMatchObject({
			method: 'GET',
			url: `${sim.url}/bigin/v2/actions/watch`,
			qs: { channel_id: '1' },
			json: true,
		});
		expect(recorder.requests[0]).not.toHaveProperty('headers.Authorization');
	});

	it('lets n8n refresh an expired access token and retry transparently', async () => {
		const { ctx, credentials } = await context();
		const before = credentials.oauthTokenData.access_token;
		await simClient(sim).control('POST', 'expire-tokens');
		const response = await biginApiRequest(ctx, { method: 'GET', resource: 'actions/watch' });
		expect(response.statusCode).toBe(204);
		expect(recorder.refreshes).toBe(1);
		expect(credentials.oauthTokenData.access_token).not.toBe(before);
		expect(credentials.oauthTokenData.api_domain).toBe(sim.url);
	});

	it("turns a whole-request error into a node error naming Bigin's code, and a missing scope by name", async () => {
		const { ctx } = await context('ZohoBigin.modules.ALL');
		const failure = biginApiRequest(ctx, { method: 'GET', resource: 'actions/watch' });
		await expect(failure).rejects.toThrow(BiginApiError);
		await expect(failure).rejects.toMatchObject({
			message:
				'Bigin error OAUTH_SCOPE_MISMATCH: invalid oauth scope to access this URL. GET actions/watch needs ZohoBigin.notifications.READ (or ZohoBigin.notifications.ALL)',
			description: expect.stringContaining('Add ZohoBigin.notifications.READ to the Scope of'),
			httpCode: '401',
		});
	});

	it('returns per-item errors in a 202 for the caller to judge', async () => {
		const { ctx } = await context();
		const response = await biginApiRequest(ctx, {
			method: 'DELETE',
			resource: 'actions/watch',
			qs: { channel_ids: '5' },
		});
		expect(response.statusCode).toBe(202);
		expect(response.body).toMatchObject({ watch: [{ code: 'NOT_SUBSCRIBED', status: 'error' }] });
	});

	it('reports HTTP 500 clearly and as transient, without repeating a call that is not safe to repeat', async () => {
		const { ctx } = await context();
		await simClient(sim).control('POST', 'faults', {
			path: '/bigin/v2/actions/watch',
			count: 1,
			kind: 500,
		});
		await expect(
			biginApiRequest(ctx, { method: 'POST', resource: 'actions/watch', body: { watch: [] } }),
		).rejects.toMatchObject({ biginCode: 'INTERNAL_ERROR', transient: true, httpCode: '500' });
		expect(recorder.requests).toHaveLength(1);
	});

	it('reports HTTP 429 clearly and as transient once the retries run out', async () => {
		const { ctx } = await context();
		await simClient(sim).control('POST', 'faults', {
			path: '/bigin/v2/actions/watch',
			count: 5,
			kind: 429,
			retryAfterSeconds: 0,
		});
		await expect(
			biginApiRequest(ctx, { method: 'POST', resource: 'actions/watch', body: { watch: [] } }),
		).rejects.toMatchObject({
			biginCode: 'TOO_MANY_REQUESTS',
			transient: true,
			httpCode: '429',
			retryAfterMs: 0,
		});
		expect(recorder.requests).toHaveLength(5);
	});

	it('retries passing failures of a safe call, honouring Retry-After, and returns the answer', async () => {
		const { ctx } = await context();
		await simClient(sim).control('POST', 'faults', {
			path: '/bigin/v2/actions/watch',
			count: 1,
			kind: 429,
			retryAfterSeconds: 1,
		});
		await simClient(sim).control('POST', 'faults', {
			path: '/bigin/v2/actions/watch',
			count: 1,
			kind: 500,
			retryAfterSeconds: 0,
		});
		const startedAt = Date.now();
		const response = await biginApiRequest(ctx, { method: 'GET', resource: 'actions/watch' });
		expect(response.statusCode).toBe(204);
		expect(recorder.requests).toHaveLength(3);
		expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
	});

	it('reports a dropped connection as a transient network failure', async () => {
		const { ctx } = await context();
		await simClient(sim).control('POST', 'faults', {
			path: '/bigin/v2/actions/watch',
			count: 1,
			kind: 'timeout',
			holdMs: 50,
		});
		await expect(
			biginApiRequest(ctx, { method: 'POST', resource: 'actions/watch', body: { watch: [] } }),
		).rejects.toMatchObject({ message: 'Could not reach Bigin', transient: true });
	});
});
