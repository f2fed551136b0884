import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { RunningSimulator } from '../../../tools/simulator';
import { startSimulator } from '../../../tools/simulator';
import { simClient } from '../../../tools/simulator/client';

interface Received {
	path: string;
	body: Record<string, unknown>;
}

/** A local receiver standing in for n8n: it records every notification it is sent. */
async function startReceiver(status = 200) {
	const received: Received[] = [];
	const server = createServer((request, response) => {
		let text = '';
		request.on('data', (chunk) => (text += chunk));
		request.on('end', () => {
			received.push({ path: request.url ?? '', body: JSON.parse(text) });
			response.writeHead(status).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

describe('Bigin simulator: notifications sent on record changes', () => {
	let sim: RunningSimulator;
	let client: ReturnType<typeof simClient>;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	let token: string;

	beforeAll(async () => {
		sim = await startSimulator();
		client = simClient(sim);
		receiver = await startReceiver();
	});
	afterAll(async () => {
		await sim.stop();
		await receiver.stop();
	});
	beforeEach(async () => {
		sim.state.reset();
		receiver.received.length = 0;
		token = await client.token();
	});

	async function enable(channelId: string, events: string[], extra: Record<string, unknown> = {}) {
		const response = await client.request('POST', '/bigin/v2/actions/watch', {
			token,
			body: {
				watch: [
					{
						channel_id: channelId,
						events,
						notify_url: `${receiver.url}/hook/${channelId}?source=bigin`,
						token: `token-${channelId}`,
						...extra,
					},
				],
			},
		});
		expect(response.status).toBe(201);
	}

	const api = (method: string, path: string, body?: unknown) =>
		client.request(method, `/bigin/v2/${path}`, { token, body });

	it('sends the documented payload for an insert, one POST per channel', async () => {
		await enable('2001', ['Contacts.create']);
		await enable('2002', ['Contacts.all']);
		await enable('2003', ['Accounts.create']);
		const created = await api('POST', 'Contacts', { data: [{ Last_Name: 'Nguyen' }] });
		const id = created.body.data[0].details.id;
		await sim.settled();

		expect(receiver.received.map((r) => r.path).sort()).toEqual([
			'/hook/2001?source=bigin',
			'/hook/2002?source=bigin',
		]);
		const payload = receiver.received.find((r) => r.path.startsWith('/hook/2001'))?.body;
		expect(Object.keys(payload ?? {}).sort()).toEqual(
			[
				'affected_fields',
				'channel_id',
				'ids',
				'module',
				'operation',
				'query_params',
				'resource_uri',
				'server_time',
				'token',
			].sort(),
		);
		expect(payload).toMatchObject({
			query_params: { source: 'bigin' },
			module: 'Contacts',
			resource_uri: `${sim.url}/bigin/v2/Contacts`,
			ids: [id],
			affected_fields: [],
			operation: 'insert',
			channel_id: '2001',
			token: 'token-2001',
		});
		expect(typeof payload?.server_time).toBe('number');
	});

	it('describes updates per record, with affected values when the channel asked for them', async () => {
		await enable('2101', ['Contacts.edit'], { return_affected_field_values: true });
		const [first, second] = (await client.control('GET', 'records/Contacts')).data;
		await api('PUT', 'Contacts', {
			data: [
				{ id: first.id, Phone: '1' },
				{ id: second.id, Title: 'CEO', Phone: '2' },
			],
		});
		await sim.settled();

		expect(receiver.received).toHaveLength(1);
		expect(receiver.received[0].body).toMatchObject({
			operation: 'update',
			ids: [first.id, second.id],
			affected_fields: [{ [first.id]: ['Phone'] }, { [second.id]: ['Title', 'Phone'] }],
			affected_values: [
				{ record_id: first.id, values: { Phone: '1' } },
				{ record_id: second.id, values: { Title: 'CEO', Phone: '2' } },
			],
		});
	});

	it('can describe changed fields as one flat list instead', async () => {
		sim.state.config.affectedFieldsShape = 'flat';
		await enable('2201', ['Contacts.edit']);
		const [first] = (await client.control('GET', 'records/Contacts')).data;
		await api('PUT', 'Contacts', { data: [{ id: first.id, Email: 'x@example.com' }] });
		await sim.settled();
		expect(receiver.received[0].body.affected_fields).toEqual(['Email']);
	});

	it('sends deletes, and nothing to expired or deleted channels', async () => {
		await enable('2301', ['Tasks.delete'], {
			channel_expiry: new Date(Date.now() + 60_000).toISOString(),
		});
		await enable('2302', ['Tasks.delete']);
		await api('DELETE', 'actions/watch?channel_ids=2302');
		const [task] = (await client.control('GET', 'records/Tasks')).data;
		await api('DELETE', `Tasks/${task.id}`);
		await sim.settled();
		expect(receiver.received).toHaveLength(1);
		expect(receiver.received[0].body).toMatchObject({
			operation: 'delete',
			ids: [task.id],
			channel_id: '2301',
		});

		await client.control('POST', 'clock', { advanceSeconds: 120 });
		token = await client.token();
		const [another] = (await client.control('GET', 'records/Tasks')).data;
		await api('DELETE', `Tasks/${another.id}`);
		await sim.settled();
		expect(receiver.received).toHaveLength(1);
	});

	it('sends an upsert as one insert and one update notification', async () => {
		await enable('2451', ['Contacts.all']);
		const upserted = await client.request('POST', '/bigin/v2/Contacts/upsert', {
			token,
			body: {
				data: [{ Last_Name: 'Lopez', Email: 'maria.lopez@example.com' }, { Last_Name: 'Fresh' }],
			},
		});
		await sim.settled();
		const [updated, inserted] = upserted.body.data.map(
			(entry: { details: { id: string } }) => entry.details.id,
		);
		expect(receiver.received.map((r) => [r.body.operation, r.body.ids]).sort()).toEqual([
			['insert', [inserted]],
			['update', [updated]],
		]);
	});

	it('sends changes made through the control API (the web page) too', async () => {
		await enable('2401', ['Pipelines.all']);
		const created = await client.control('POST', 'records/Pipelines', {
			Deal_Name: 'From the page',
			Sub_Pipeline: 'Sales Pipeline Standard',
			Stage: 'Qualification',
		});
		await client.control('PATCH', `records/Pipelines/${created.data[0].details.id}`, {
			Stage: 'Closed Won',
		});
		await sim.settled();
		expect(receiver.received.map((r) => r.body.operation)).toEqual(['insert', 'update']);
	});

	it("fires a notification directly and reports the receiver's answer", async () => {
		await enable('2501', ['Contacts.create']);
		const fired = await client.control('POST', 'notify', {
			channel_id: '2501',
			operation: 'update',
			ids: ['1', '2'],
			fields: ['Email'],
		});
		expect(fired.status).toBe(200);
		expect(fired.payload).toMatchObject({
			ids: ['1', '2'],
			operation: 'update',
			token: 'token-2501',
			affected_fields: [{ 1: ['Email'] }, { 2: ['Email'] }],
		});
		expect((await client.control('GET', 'deliveries')).deliveries).toHaveLength(1);
	});
});
