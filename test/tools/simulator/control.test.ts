import { spawn } from 'node:child_process';
import { join } from 'node:path';

import type { SimulatorFixture } from '../../support/simulatorFixture';
import { useSimulator } from '../../support/simulatorFixture';

describe('Bigin simulator: control surface, faults and robustness', () => {
	let client: SimulatorFixture['client'];
	let token: string;
	useSimulator((fixture) => ({ client, token } = fixture));

	it('makes the next N calls of a route fail with 500, then recovers', async () => {
		await client.control('POST', 'faults', {
			path: '/bigin/v2/actions/watch',
			method: 'GET',
			count: 2,
			kind: 500,
		});
		const first = await client.request('GET', '/bigin/v2/actions/watch', { token });
		expect(first.status).toBe(500);
		expect(first.body).toMatchObject({ code: 'INTERNAL_ERROR', status: 'error' });
		expect((await client.request('GET', '/bigin/v2/actions/watch', { token })).status).toBe(500);
		expect((await client.request('GET', '/bigin/v2/actions/watch', { token })).status).toBe(204);
	});

	it('can carry a call out and lose only its answer, as a gateway timing out after Bigin wrote', async () => {
		const created = await client.request('POST', '/bigin/v2/Tasks', {
			token,
			body: { data: [{ Subject: 'Gone after the first try' }] },
		});
		const id = created.body.data[0].details.id;
		await client.control('POST', 'faults', {
			path: '/bigin/v2/Tasks',
			method: 'DELETE',
			kind: 500,
			afterHandling: true,
		});
		const first = await client.request('DELETE', `/bigin/v2/Tasks?ids=${id}`, { token });
		expect(first.status).toBe(500);
		expect((await client.request('GET', `/bigin/v2/Tasks/${id}`, { token })).status).toBe(204);
		const again = await client.request('DELETE', `/bigin/v2/Tasks?ids=${id}`, { token });
		expect(again.body.data[0]).toMatchObject({ code: 'INVALID_DATA', status: 'error' });
	});

	it('injects 429 TOO_MANY_REQUESTS', async () => {
		await client.control('POST', 'faults', { path: '/bigin/v2/Contacts', count: 1, kind: 429 });
		const response = await client.request('GET', '/bigin/v2/Contacts/1', { token });
		expect(response.status).toBe(429);
		expect(response.body.code).toBe('TOO_MANY_REQUESTS');
	});

	it('injects a timeout: the connection is held, then dropped without an answer', async () => {
		await client.control('POST', 'faults', {
			path: '/bigin/v2/actions/watch',
			count: 1,
			kind: 'timeout',
			holdMs: 200,
		});
		const started = Date.now();
		await expect(client.request('GET', '/bigin/v2/actions/watch', { token })).rejects.toThrow();
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);
	});

	it('logs requests without secrets, and can clear the log', async () => {
		await client.request('GET', '/bigin/v2/actions/watch?channel_id=1', { token });
		const { requests } = await client.control('GET', 'requests');
		expect(requests).toEqual([
			expect.objectContaining({
				method: 'GET',
				path: '/bigin/v2/actions/watch',
				query: { channel_id: '1' },
				status: 204,
				auth: 'Zoho-oauthtoken',
			}),
		]);
		expect(JSON.stringify(requests)).not.toContain(token);
		await client.request('DELETE', '/_sim/requests');
		expect((await client.control('GET', 'requests')).requests).toEqual([]);
	});

	it('moves the clock and changes settings, and reset restores both', async () => {
		const moved = await client.control('POST', 'clock', { advanceSeconds: 86400 });
		expect(moved.clock_offset_ms).toBe(86_400_000);
		await client.control('POST', 'config', { expiryCapSeconds: 60 });
		expect((await client.control('GET', 'state')).config.expiryCapSeconds).toBe(60);
		expect(
			(await client.request('POST', '/_sim/config', { body: { noSuchSetting: 1 } })).status,
		).toBe(400);
		await client.control('POST', 'reset');
		const state = await client.control('GET', 'state');
		expect(state.clock_offset_ms).toBe(0);
		expect(state.config.expiryCapSeconds).toBe(0);
	});

	it.each([
		[
			'malformed JSON',
			{ raw: '{"watch": [', contentType: 'application/json' },
			400,
			'INVALID_DATA',
		],
		[
			'a wrong content type',
			{ raw: 'watch=1', contentType: 'application/x-www-form-urlencoded' },
			415,
			'UNSUPPORTED_MEDIA_TYPE',
		],
		[
			'a huge body',
			{ raw: `{"watch":"${'x'.repeat(1_100_000)}"}`, contentType: 'application/json' },
			413,
			'REQUEST_ENTITY_TOO_LARGE',
		],
		[
			'a body without watch',
			{ raw: '{}', contentType: 'application/json' },
			400,
			'MANDATORY_NOT_FOUND',
		],
	])('answers %s with a Zoho-style error', async (_label, options, status, code) => {
		const response = await client.request('POST', '/bigin/v2/actions/watch', { token, ...options });
		expect(response.status).toBe(status);
		expect(response.body).toMatchObject({ code, status: 'error' });
	});

	it('answers unknown routes with 404 INVALID_URL_PATTERN and wrong verbs with INVALID_REQUEST_METHOD', async () => {
		expect((await client.request('GET', '/bigin/v9/nothing', { token })).body.code).toBe(
			'INVALID_URL_PATTERN',
		);
		expect((await client.request('GET', '/nothing')).status).toBe(404);
		expect(
			(await client.request('PATCH', '/bigin/v2/Contacts/1', { token, body: {} })).body.code,
		).toBe('INVALID_REQUEST_METHOD');
	});

	it('serves a web page that shows channels and records', async () => {
		const page = await client.request('GET', '/');
		expect(page.status).toBe(200);
		expect(page.body).toContain('Bigin simulator');
		expect(page.body).toContain('/_sim/channels');
	});

	it('runs from the command line and prints its base URL first', async () => {
		const cli = spawn(
			process.execPath,
			[
				require.resolve('ts-node/dist/bin.js'),
				'--transpile-only',
				join(__dirname, '..', '..', '..', 'tools', 'simulator', 'cli.ts'),
				'--port',
				'0',
			],
			{ stdio: ['ignore', 'pipe', 'inherit'] },
		);
		try {
			const firstLine = await new Promise<string>((resolve, reject) => {
				let buffer = '';
				cli.stdout.on('data', (chunk) => {
					buffer += chunk;
					if (buffer.includes('\n')) resolve(buffer.split('\n')[0]);
				});
				cli.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
			});
			expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect((await fetch(`${firstLine}/_sim/state`)).status).toBe(200);
		} finally {
			cli.kill('SIGTERM');
		}
	}, 30_000);
});
