import type { RunningSimulator } from '../../../tools/simulator';
import type { SimulatorFixture } from '../../support/simulatorFixture';
import { useSimulator } from '../../support/simulatorFixture';

const HOUR = 3600 * 1000;

function isoIn(ms: number): string {
	return new Date(Date.now() + ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

const channel = (overrides: Record<string, unknown> = {}) => ({
	channel_id: '1001',
	events: ['Contacts.create', 'Accounts.all'],
	notify_url: 'https://n8n.example.com/webhook/abc/webhook?key1=val1',
	token: 'verify-me',
	channel_expiry: isoIn(6 * HOUR),
	...overrides,
});

describe('Bigin simulator: notifications API (actions/watch)', () => {
	let sim: RunningSimulator;
	let client: SimulatorFixture['client'];
	let token: string;
	useSimulator((fixture) => ({ sim, client, token } = fixture));

	const watch = (method: string, body?: unknown, query = '') =>
		client.request(method, `/bigin/v2/actions/watch${query}`, { token, body });

	describe('enable (POST)', () => {
		it('answers 201 with one details.events entry per module, expiry in the org offset', async () => {
			const response = await watch('POST', { watch: [channel()] });
			expect(response.status).toBe(201);
			const [item] = response.body.watch;
			expect(item).toMatchObject({
				code: 'SUCCESS',
				status: 'success',
				message: 'Successfully subscribed for actions-watch of the given module',
			});
			expect(item.details.events.map((e: { resource_name: string }) => e.resource_name)).toEqual([
				'Contacts',
				'Accounts',
			]);
			expect(item.details.events[0].channel_id).toBe('1001');
			expect(item.details.events[0].channel_expiry).toMatch(
				/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/,
			);
			expect(item.details.events[0].resource_uri).toBe(`${sim.url}/bigin/v1/Contacts`);
		});

		it('accepts the v1 path and a numeric channel_id alike', async () => {
			const response = await client.request('POST', '/bigin/v1/actions/watch', {
				token,
				body: { watch: [channel({ channel_id: 4242 })] },
			});
			expect(response.status).toBe(201);
			expect(response.body.watch[0].details.events[0].channel_id).toBe('4242');
		});

		it.each([
			['channel_id', { channel_id: undefined }],
			['events', { events: undefined }],
			['notify_url', { notify_url: undefined }],
		])('reports a missing %s as MANDATORY_NOT_FOUND inside HTTP 202', async (field, overrides) => {
			const response = await watch('POST', { watch: [channel(overrides)] });
			expect(response.status).toBe(202);
			expect(response.body.watch[0]).toEqual({
				code: 'MANDATORY_NOT_FOUND',
				details: { api_name: field, json_path: `$.watch[0].${field}` },
				message: 'required field not found',
				status: 'error',
			});
		});

		it.each([
			['a token over 50 characters', { token: 'x'.repeat(51) }, 'token'],
			['a non-numeric channel_id', { channel_id: 'abc' }, 'channel_id'],
			['an unknown module', { events: ['Deals.create'] }, 'events'],
			['a bad event verb', { events: ['Contacts.update'] }, 'events'],
			['an expiry in the past', { channel_expiry: isoIn(-60_000) }, 'channel_expiry'],
			['an expiry without an offset', { channel_expiry: '2030-01-01T10:00:00' }, 'channel_expiry'],
			['a non-boolean flag', { notify_on_related_action: 'yes' }, 'notify_on_related_action'],
		])('reports %s as INVALID_DATA naming the field', async (_label, overrides, field) => {
			const response = await watch('POST', { watch: [channel(overrides)] });
			expect(response.status).toBe(202);
			expect(response.body.watch[0]).toMatchObject({
				code: 'INVALID_DATA',
				status: 'error',
				details: { api_name: field, json_path: `$.watch[0].${field}` },
			});
		});

		it('silently falls back to the one-hour default for an expiry over a day ahead', async () => {
			const response = await watch('POST', {
				watch: [channel({ channel_expiry: isoIn(30 * HOUR) })],
			});
			expect(response.status).toBe(201);
			const expiry = Date.parse(response.body.watch[0].details.events[0].channel_expiry);
			expect(Math.abs(expiry - (Date.now() + HOUR))).toBeLessThan(5000);
		});

		it('can refuse an over-long expiry instead, when switched', async () => {
			sim.state.config.rejectLongExpiry = true;
			const response = await watch('POST', {
				watch: [channel({ channel_expiry: isoIn(30 * HOUR) })],
			});
			expect(response.body.watch[0]).toMatchObject({
				code: 'INVALID_DATA',
				details: { api_name: 'channel_expiry' },
			});
		});

		it('applies the one-hour default when no expiry is given', async () => {
			const response = await watch('POST', { watch: [channel({ channel_expiry: undefined })] });
			const expiry = Date.parse(response.body.watch[0].details.events[0].channel_expiry);
			expect(Math.abs(expiry - (Date.now() + HOUR))).toBeLessThan(5000);
		});

		it('caps every expiry when the cap switch is set', async () => {
			sim.state.config.expiryCapSeconds = 60;
			const response = await watch('POST', { watch: [channel()] });
			const expiry = Date.parse(response.body.watch[0].details.events[0].channel_expiry);
			expect(Math.abs(expiry - (Date.now() + 60_000))).toBeLessThan(3000);
		});

		it('succeeds or fails item by item in a multi-item body', async () => {
			const response = await watch('POST', {
				watch: [channel(), channel({ channel_id: '1002', events: [] })],
			});
			expect(response.status).toBe(202);
			expect(response.body.watch[0].status).toBe('success');
			expect(response.body.watch[1]).toMatchObject({
				code: 'MANDATORY_NOT_FOUND',
				details: { json_path: '$.watch[1].events' },
			});
			expect(
				(await client.control('GET', 'channels')).channels.map(
					(c: { channel_id: string }) => c.channel_id,
				),
			).toEqual(['1001']);
		});

		it('can answer 400 for failed items instead, when switched', async () => {
			sim.state.config.itemErrorStatus = 400;
			const response = await watch('POST', { watch: [channel({ token: 'x'.repeat(60) })] });
			expect(response.status).toBe(400);
		});

		it('replaces a channel re-enabled under the same id', async () => {
			await watch('POST', { watch: [channel()] });
			await watch('POST', { watch: [channel({ events: ['Tasks.edit'] })] });
			const { channels } = await client.control('GET', 'channels');
			expect(channels).toHaveLength(1);
			expect(channels[0].events).toEqual(['Tasks.edit']);
		});
	});

	describe('get details (GET)', () => {
		it('answers 204 with an empty body when nothing matches', async () => {
			const response = await watch('GET');
			expect(response.status).toBe(204);
			expect(response.body).toBeUndefined();
		});

		it("lists one entry per channel and module, with only that module's events", async () => {
			await watch('POST', { watch: [channel()] });
			const response = await watch('GET', undefined, '?channel_id=1001');
			expect(response.status).toBe(200);
			expect(response.body.watch).toHaveLength(2);
			expect(response.body.watch[0]).toMatchObject({
				channel_id: '1001',
				resource_name: 'Contacts',
				events: ['Contacts.create'],
				notify_url: 'https://n8n.example.com/webhook/abc/webhook?key1=val1',
				token: 'verify-me',
				fields: null,
				notify_on_related_action: false,
				return_affected_field_values: false,
			});
			expect(response.body.watch[1]).toMatchObject({
				resource_name: 'Accounts',
				events: ['Accounts.edit', 'Accounts.create', 'Accounts.delete'],
			});
			expect(response.body.info).toEqual({ per_page: 200, count: 2, page: 1, more_records: false });
		});

		it('filters by module and pages with per_page', async () => {
			await watch('POST', {
				watch: [channel(), channel({ channel_id: '1002', events: ['Contacts.edit'] })],
			});
			const byModule = await watch('GET', undefined, '?module=Contacts');
			expect(byModule.body.watch.map((e: { channel_id: string }) => e.channel_id)).toEqual([
				'1001',
				'1002',
			]);
			const page1 = await watch('GET', undefined, '?per_page=2&page=1');
			expect(page1.body.info).toEqual({ per_page: 2, count: 2, page: 1, more_records: true });
			const page2 = await watch('GET', undefined, '?per_page=2&page=2');
			expect(page2.body.watch).toHaveLength(1);
		});

		it('rejects an unknown module and a per_page over 200', async () => {
			expect((await watch('GET', undefined, '?module=Deals')).body).toMatchObject({
				code: 'INVALID_MODULE',
				status: 'error',
			});
			expect((await watch('GET', undefined, '?per_page=500')).status).toBe(400);
		});

		it('drops expired channels: they vanish from GET', async () => {
			await watch('POST', { watch: [channel({ channel_expiry: isoIn(HOUR) })] });
			await client.control('POST', 'clock', { advanceSeconds: 3601 });
			token = await client.token();
			expect((await watch('GET')).status).toBe(204);
		});
	});

	describe('readings of what Bigin leaves undocumented', () => {
		const listed = async () =>
			(await watch('GET', undefined, '?channel_id=1001')).body.watch as Array<{
				events: string[];
				token: string;
				notify_url: string;
				channel_expiry: string;
			}>;

		async function expectExpiresIn(seconds: number): Promise<void> {
			const [listedChannel] = (await client.control('GET', 'channels')).channels;
			expect(listedChannel.expires_in_seconds).toBeGreaterThan(seconds - 5);
			expect(listedChannel.expires_in_seconds).toBeLessThanOrEqual(seconds);
		}

		it('lists an X.all subscription as create, edit and delete by default, and as written when switched', async () => {
			await watch('POST', { watch: [channel()] });
			expect((await listed())[1].events).toEqual([
				'Accounts.edit',
				'Accounts.create',
				'Accounts.delete',
			]);
			await client.control('POST', 'config', { expandAllEvents: false });
			expect((await listed())[1].events).toEqual(['Accounts.all']);
		});

		it('POST to an existing id merges the events when switched, replacing the rest', async () => {
			await client.control('POST', 'config', {
				repostExisting: 'mergeEvents',
				expandAllEvents: false,
			});
			await watch('POST', { watch: [channel()] });
			await watch('POST', {
				watch: [
					channel({ events: ['Tasks.edit'], token: 'second', notify_url: 'https://b.example/x' }),
				],
			});
			const { channels } = await client.control('GET', 'channels');
			expect(channels[0]).toMatchObject({
				events: ['Contacts.create', 'Accounts.all', 'Tasks.edit'],
				token: 'second',
				notify_url: 'https://b.example/x',
			});
		});

		it('POST to an existing id only moves the expiry when switched', async () => {
			await client.control('POST', 'config', { repostExisting: 'keepAllButExpiry' });
			await watch('POST', { watch: [channel({ channel_expiry: isoIn(2 * HOUR) })] });
			await watch('POST', {
				watch: [
					channel({ events: ['Tasks.edit'], token: 'second', channel_expiry: isoIn(9 * HOUR) }),
				],
			});
			const { channels } = await client.control('GET', 'channels');
			expect(channels[0]).toMatchObject({
				events: ['Contacts.create', 'Accounts.all'],
				token: 'verify-me',
			});
			expect(channels[0].expires_in_seconds).toBeGreaterThan(8.9 * 3600);
		});

		describe('one-day cap counted from the first enable', () => {
			beforeEach(async () => {
				await client.control('POST', 'config', { expiryCapFrom: 'firstEnable' });
				await watch('POST', { watch: [channel({ channel_expiry: isoIn(23 * HOUR) })] });
				await client.control('POST', 'clock', { advanceSeconds: 21 * 3600 });
				token = await client.token();
			});
			const later = (ms: number) =>
				new Date(Date.now() + 21 * HOUR + ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

			it('gives a PUT past the first day the one-hour default, silently', async () => {
				const response = await watch('PUT', {
					watch: [channel({ channel_expiry: later(23 * HOUR) })],
				});
				expect(response.status).toBe(200);
				await expectExpiresIn(3600);
			});

			it('honours a PUT within the first day', async () => {
				await watch('PUT', { watch: [channel({ channel_expiry: later(2.5 * HOUR) })] });
				await expectExpiresIn(9000);
			});

			it('starts a new day for a replacing POST', async () => {
				await watch('POST', { watch: [channel({ channel_expiry: later(23 * HOUR) })] });
				await expectExpiresIn(23 * 3600);
			});

			it.each(['mergeEvents', 'keepAllButExpiry'])(
				'keeps the first day for a POST that %s',
				async (repostExisting) => {
					await client.control('POST', 'config', { repostExisting });
					await watch('POST', { watch: [channel({ channel_expiry: later(23 * HOUR) })] });
					await expectExpiresIn(3600);
				},
			);

			it('starts a new day after DELETE and POST under every reading', async () => {
				await client.control('POST', 'config', { repostExisting: 'keepAllButExpiry' });
				await watch('DELETE', undefined, '?channel_ids=1001');
				await watch('POST', { watch: [channel({ channel_expiry: later(23 * HOUR) })] });
				await expectExpiresIn(23 * 3600);
			});
		});

		it('counts the cap from now by default: a PUT renewal gets what it asks for', async () => {
			await watch('POST', { watch: [channel({ channel_expiry: isoIn(23 * HOUR) })] });
			await client.control('POST', 'clock', { advanceSeconds: 21 * 3600 });
			token = await client.token();
			const askFor = new Date(Date.now() + 44 * HOUR).toISOString().replace(/\.\d{3}Z$/, '+00:00');
			await watch('PUT', { watch: [channel({ channel_expiry: askFor })] });
			await expectExpiresIn(23 * 3600);
		});
	});

	describe('update (PUT) and PATCH', () => {
		it('PUT replaces the whole definition: an omitted token is cleared', async () => {
			await watch('POST', { watch: [channel()] });
			const response = await watch('PUT', {
				watch: [
					channel({
						events: ['Pipelines.edit'],
						token: undefined,
						channel_expiry: isoIn(20 * HOUR),
					}),
				],
			});
			expect(response.status).toBe(200);
			const listed = await watch('GET', undefined, '?channel_id=1001');
			expect(listed.body.watch).toHaveLength(1);
			expect(listed.body.watch[0]).toMatchObject({ events: ['Pipelines.edit'], token: null });
			expect(Date.parse(listed.body.watch[0].channel_expiry)).toBeGreaterThan(
				Date.now() + 19 * HOUR,
			);
		});

		it('PUT of a channel Bigin does not have fails that item', async () => {
			const response = await watch('PUT', { watch: [channel()] });
			expect(response.status).toBe(202);
			expect(response.body.watch[0]).toMatchObject({ code: 'NOT_SUBSCRIBED', status: 'error' });
		});

		it('PATCH with _delete_events removes only those events', async () => {
			await watch('POST', {
				watch: [channel({ events: ['Contacts.create', 'Contacts.edit', 'Accounts.all'] })],
			});
			const response = await watch('PATCH', {
				watch: [{ channel_id: '1001', events: ['Contacts.edit'], _delete_events: true }],
			});
			expect(response.status).toBe(200);
			const { channels } = await client.control('GET', 'channels');
			expect(channels[0].events).toEqual(['Contacts.create', 'Accounts.all']);
		});

		it('PATCH without _delete_events disables nothing and adds the events', async () => {
			await watch('POST', { watch: [channel({ events: ['Contacts.create'] })] });
			await watch('PATCH', { watch: [{ channel_id: '1001', events: ['Tasks.create'] }] });
			const { channels } = await client.control('GET', 'channels');
			expect(channels[0].events).toEqual(['Contacts.create', 'Tasks.create']);
		});

		it('PATCH rejects a non-boolean _delete_events', async () => {
			await watch('POST', { watch: [channel()] });
			const response = await watch('PATCH', {
				watch: [{ channel_id: '1001', events: ['Contacts.create'], _delete_events: 'true' }],
			});
			expect(response.body.watch[0]).toMatchObject({
				code: 'INVALID_DATA',
				details: { api_name: '_delete_events', expected_data_type: 'boolean' },
			});
		});
	});

	describe('disable (DELETE)', () => {
		it('removes channels, one success entry per module', async () => {
			await watch('POST', { watch: [channel()] });
			const response = await watch('DELETE', undefined, '?channel_ids=1001');
			expect(response.status).toBe(200);
			expect(response.body.watch).toHaveLength(2);
			expect(response.body.watch[0]).toMatchObject({
				code: 'SUCCESS',
				details: { channel_id: '1001' },
			});
			expect((await watch('GET')).status).toBe(204);
		});

		it('reports unknown ids as NOT_SUBSCRIBED inside HTTP 202, without channel_id', async () => {
			await watch('POST', { watch: [channel()] });
			const response = await watch('DELETE', undefined, '?channel_ids=1001,999');
			expect(response.status).toBe(202);
			const failed = response.body.watch.find(
				(item: { status: string }) => item.status === 'error',
			);
			expect(failed.code).toBe('NOT_SUBSCRIBED');
			expect(failed.details.channel_id).toBeUndefined();
		});

		it('requires channel_ids', async () => {
			const response = await watch('DELETE');
			expect(response.status).toBe(400);
			expect(response.body).toMatchObject({ code: 'MANDATORY_NOT_FOUND', status: 'error' });
		});
	});
});
