import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import {
	callWebhook,
	executeContext,
	hookContext,
	startReceiver,
} from '../../../../tools/contexts/contexts';
import type { Credentials } from '../../../../tools/contexts/nodeHarness';
import { simulatorCredentials, testNode } from '../../../../tools/contexts/nodeHarness';
import type { SimulatorFixture } from '../../../support/simulatorFixture';
import { useSimulator } from '../../../support/simulatorFixture';
import { BiginTrigger } from '../../../../nodes/Bigin/BiginTrigger.node';

describe('Bigin Trigger option Include Changed Values, against the simulator', () => {
	let fixture: SimulatorFixture;
	useSimulator((f) => (fixture = f));
	const trigger = new BiginTrigger();
	const node = testNode('biginTrigger');
	const methods = trigger.webhookMethods.default;
	let credentials: Credentials;
	let staticData: IDataObject;
	let parameters: IDataObject;
	let executions: INodeExecutionData[][];
	let receiver: Awaited<ReturnType<typeof startReceiver>>;

	beforeAll(async () => {
		receiver = await startReceiver(async (body) => {
			const reply = await callWebhook(trigger.webhook, {
				node,
				staticData,
				body,
				identity: hook(),
			});
			if (reply.result.workflowData) {
				const context = executeContext({
					node,
					credentials,
					parameters,
					input: reply.result.workflowData[0],
				});
				executions.push((await trigger.execute.call(context))[0]);
			}
			return reply;
		});
	});
	afterAll(async () => await receiver.stop());
	beforeEach(async () => {
		credentials = await simulatorCredentials(fixture.sim);
		staticData = {};
		executions = [];
		parameters = { events: ['Contacts.edit'], options: { includeChangedValues: true } };
	});

	const hook = () =>
		hookContext({ node, credentials, parameters, staticData, webhookUrl: receiver.url });

	it('asks Bigin for changed values and outputs them as affectedValues', async () => {
		expect(await methods.create.call(hook())).toBe(true);
		const [channel] = (await fixture.client.control('GET', 'channels')).channels;
		expect(channel.return_affected_field_values).toBe(true);

		const created = await fixture.client.control('POST', 'records/Contacts', {
			Last_Name: 'Lopez',
		});
		const id = created.data[0].details.id as string;
		await fixture.client.control('PATCH', `records/Contacts/${id}`, { Phone: '555-555-1111' });
		await fixture.sim.settled();

		expect(executions).toHaveLength(1);
		expect(executions[0][0].json).toMatchObject({
			event: 'Contacts.edit',
			recordId: id,
			affectedFields: ['Phone'],
			affectedValues: { Phone: '555-555-1111' },
			recordFound: true,
			record: expect.objectContaining({ Phone: '555-555-1111' }),
		});
	});

	it('outputs no affectedValues while the option is off, and a changed option means a new channel', async () => {
		parameters = { events: ['Contacts.edit'], options: {} };
		expect(await methods.create.call(hook())).toBe(true);
		const [channel] = (await fixture.client.control('GET', 'channels')).channels;
		expect(channel.return_affected_field_values).toBe(false);
		expect(await methods.checkExists.call(hook())).toBe(true);

		const [contact] = (await fixture.client.control('GET', 'records/Contacts')).data;
		await fixture.client.control('PATCH', `records/Contacts/${contact.id}`, { Title: 'CEO' });
		await fixture.sim.settled();
		expect(executions[0][0].json.affectedValues).toBeUndefined();

		parameters = { events: ['Contacts.edit'], options: { includeChangedValues: true } };
		expect(await methods.checkExists.call(hook())).toBe(false);
	});
});
