import type { IExecuteFunctions } from 'n8n-workflow';

import type { RunningSimulator } from '../../../../tools/simulator';
import { startSimulator } from '../../../../tools/simulator';
import { simClient } from '../../../../tools/simulator/client';
import { executeContext } from '../../../../tools/contexts/contexts';
import type { RequestRecorder } from '../../../../tools/contexts/nodeHarness';
import { simulatorCredentials, testNode } from '../../../../tools/contexts/nodeHarness';
import {
	activeUsersOf,
	fieldsOf,
	layoutsOf,
} from '../../../../nodes/Bigin/transport/metadataCache';
import { createRecordReader } from '../../../../nodes/Bigin/transport/records';

describe('The metadata cache, against the simulator', () => {
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

	/** A fresh n8n context: one execution. */
	async function execution(scope?: string): Promise<IExecuteFunctions> {
		return executeContext({
			node: testNode('bigin'),
			credentials: await simulatorCredentials(sim, scope),
			parameters: {},
			input: [],
			recorder,
		});
	}

	const calls = () =>
		recorder.requests.map((request) => {
			const url = new URL(String(request.url));
			const module = (request.qs as { module?: string } | undefined)?.module;
			return `${url.pathname.replace('/bigin/v2/', '')}${module ? ` ${module}` : ''}`;
		});

	it("reads a module's fields once per execution, however many ask and however often", async () => {
		const context = await execution();
		const [first, second] = await Promise.all([
			fieldsOf(context, 'Contacts'),
			fieldsOf(context, 'Contacts'),
		]);
		expect(second).toBe(first);
		expect(await fieldsOf(context, 'Contacts')).toBe(first);
		expect(first.map((field) => field.api_name)).toContain('Loyalty_Points');
		await fieldsOf(context, 'Accounts');
		expect(calls()).toEqual(['settings/fields Contacts', 'settings/fields Accounts']);

		await fieldsOf(await execution(), 'Contacts');
		expect(calls()).toHaveLength(3);
	});

	it("reads a module's layouts once per execution", async () => {
		const context = await execution();
		const layouts = await layoutsOf(context, 'Pipelines');
		expect(await layoutsOf(context, 'Pipelines')).toBe(layouts);
		expect(layouts.map((layout) => layout.name)).toContain('Partnerships');
		expect(calls()).toEqual(['settings/layouts Pipelines']);
	});

	it("reads the org's active users once per execution: the owners a record can have", async () => {
		const context = await execution();
		const [users, again] = await Promise.all([activeUsersOf(context), activeUsersOf(context)]);
		expect(again).toBe(users);
		expect(users).toEqual([
			{
				id: '6756839000000311001',
				full_name: 'Sam Simulator',
				email: 'sam@bigin-simulator.example',
			},
			{
				id: '6756839000000311017',
				full_name: 'Priya Partner',
				email: 'priya@bigin-simulator.example',
			},
		]);
		expect(calls()).toEqual(['users']);
		expect(recorder.requests[0].qs).toEqual({ type: 'ActiveUsers', page: 1, per_page: 200 });
	});

	it('gives the record reader the field list the execution already read', async () => {
		await simClient(sim).control('POST', 'config', { singleRecordRequiresFields: true });
		const id = String(
			(await simClient(sim).control('POST', 'records/Contacts', { Last_Name: 'Okafor' })).data[0]
				.details.id,
		);
		const context = await execution();
		await fieldsOf(context, 'Contacts');
		const record = await createRecordReader(context).read('Contacts', id);
		expect(record).toMatchObject({ id, Last_Name: 'Okafor' });
		expect(calls()).toEqual(['settings/fields Contacts', `Contacts/${id}`, `Contacts/${id}`]);
	});

	it('remembers for the whole execution that Bigin asks record reads for their fields', async () => {
		await simClient(sim).control('POST', 'config', { singleRecordRequiresFields: true });
		const id = String(
			(await simClient(sim).control('POST', 'records/Contacts', { Last_Name: 'Adeyemi' })).data[0]
				.details.id,
		);
		const context = await execution();
		await createRecordReader(context).read('Contacts', id);
		await createRecordReader(context).read('Contacts', id);
		expect(calls()).toEqual([
			`Contacts/${id}`,
			'settings/fields Contacts',
			`Contacts/${id}`,
			`Contacts/${id}`,
		]);
		const recordReads = recorder.requests.filter((request) =>
			String(request.url).endsWith(`/Contacts/${id}`),
		);
		expect(recordReads.map((request) => request.qs?.fields !== undefined)).toEqual([
			false,
			true,
			true,
		]);
	});

	it('keeps a refused read refused for the execution, and asks again in the next', async () => {
		const narrow = 'ZohoBigin.notifications.ALL,ZohoBigin.modules.ALL';
		const context = await execution(narrow);
		await expect(fieldsOf(context, 'Contacts')).rejects.toThrow();
		await expect(fieldsOf(context, 'Contacts')).rejects.toThrow();
		expect(calls()).toEqual(['settings/fields Contacts']);
		await expect(fieldsOf(await execution(narrow), 'Contacts')).rejects.toThrow();
		expect(calls()).toHaveLength(2);
	});
});
