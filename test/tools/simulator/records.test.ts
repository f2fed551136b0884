import { startSimulator } from '../../../tools/simulator';
import type { SimulatorFixture } from '../../support/simulatorFixture';
import { simClient } from '../../../tools/simulator/client';
import { useSimulator } from '../../support/simulatorFixture';

describe('Bigin simulator: records API', () => {
	let client: SimulatorFixture['client'];
	let token: string;
	useSimulator((fixture) => ({ client, token } = fixture));

	const api = (method: string, path: string, body?: unknown) =>
		client.request(method, `/bigin/v2/${path}`, { token, body });

	it('seeds every watchable module with realistic records', async () => {
		for (const module of [
			'Contacts',
			'Accounts',
			'Pipelines',
			'Products',
			'Tasks',
			'Events',
			'Calls',
		]) {
			const { data } = await client.control('GET', `records/${module}`);
			expect(data.length).toBeGreaterThan(0);
			expect(data[0]).toHaveProperty('Owner');
			expect(data[0]).toHaveProperty('Modified_Time');
		}
	});

	it('gets one record, and answers 204 for an id it does not have', async () => {
		const [first] = (await client.control('GET', 'records/Contacts')).data;
		const found = await api('GET', `Contacts/${first.id}`);
		expect(found.status).toBe(200);
		expect(found.body.data[0]).toMatchObject({ id: first.id, Last_Name: first.Last_Name });
		const missing = await api('GET', 'Contacts/1234');
		expect(missing.status).toBe(204);
		expect(missing.body).toBeUndefined();
	});

	it('lists only with fields, and pages', async () => {
		expect((await api('GET', 'Contacts')).body).toMatchObject({
			code: 'REQUIRED_PARAM_MISSING',
			status: 'error',
		});
		const page = await api('GET', 'Contacts?fields=Last_Name&per_page=2');
		expect(page.body.data).toHaveLength(2);
		expect(Object.keys(page.body.data[0]).sort()).toEqual(['Last_Name', 'id']);
		expect(page.body.info).toMatchObject({ more_records: true, per_page: 2 });
	});

	it('rejects an unknown module', async () => {
		const response = await api('GET', 'Deals/1');
		expect(response.status).toBe(400);
		expect(response.body.code).toBe('INVALID_MODULE');
	});

	it('creates, updates and deletes with per-item results', async () => {
		const created = await api('POST', 'Contacts', {
			data: [{ Last_Name: 'Nguyen', Email: 'an@example.com' }, { Email: 'no-name@example.com' }],
		});
		expect(created.status).toBe(202);
		expect(created.body.data[0]).toMatchObject({ code: 'SUCCESS', status: 'success' });
		expect(created.body.data[1]).toMatchObject({
			code: 'MANDATORY_NOT_FOUND',
			details: { api_name: 'Last_Name' },
		});
		const id = created.body.data[0].details.id;

		const updated = await api('PUT', 'Contacts', { data: [{ id, Phone: '+1 555 0199' }] });
		expect(updated.status).toBe(200);
		expect((await api('GET', `Contacts/${id}`)).body.data[0].Phone).toBe('+1 555 0199');

		const unknownUpdate = await api('PUT', 'Contacts', { data: [{ id: '42', Phone: '1' }] });
		expect(unknownUpdate.body.data[0]).toMatchObject({
			code: 'INVALID_DATA',
			details: { api_name: 'id' },
		});

		const deleted = await api('DELETE', `Contacts?ids=${id},42`);
		expect(deleted.status).toBe(202);
		expect(deleted.body.data[0]).toMatchObject({ code: 'SUCCESS', details: { id } });
		expect(deleted.body.data[1]).toMatchObject({ code: 'INVALID_DATA' });
		expect((await api('GET', `Contacts/${id}`)).status).toBe(204);
	});

	it('refuses more than 100 records per call', async () => {
		const data = Array.from({ length: 101 }, (_, index) => ({ Last_Name: `Bulk ${index}` }));
		const response = await api('POST', 'Contacts', { data });
		expect(response.status).toBe(400);
		expect(response.body.code).toBe('LIMIT_EXCEEDED');
	});
});

describe('Bigin simulator: slow record reads', () => {
	it('delays record reads by a configured time, for benchmarks', async () => {
		const sim = await startSimulator({ config: { recordReadDelayMs: 150 } });
		try {
			const client = simClient(sim);
			const token = await client.token();
			const started = Date.now();
			expect((await client.request('GET', '/bigin/v2/Contacts/1', { token })).status).toBe(204);
			expect(Date.now() - started).toBeGreaterThanOrEqual(140);
			const watchStarted = Date.now();
			await client.request('GET', '/bigin/v2/actions/watch', { token });
			expect(Date.now() - watchStarted).toBeLessThan(140);
		} finally {
			await sim.stop();
		}
	});
});
