import type { IDataObject, INodeExecutionData, NodeExecutionHint } from 'n8n-workflow';

import type { RunningSimulator } from '../../tools/simulator';
import { startSimulator } from '../../tools/simulator';
import { executeContext } from '../../tools/contexts/contexts';
import type { Credentials, RequestRecorder } from '../../tools/contexts/nodeHarness';
import { items, simulatorCredentials, testNode } from '../../tools/contexts/nodeHarness';
import { simClient } from '../../tools/simulator/client';
import { Bigin } from '../../nodes/Bigin/Bigin.node';

export interface BiginNodeFixture {
	sim: RunningSimulator;
	client: ReturnType<typeof simClient>;
	credentials: Credentials;
	recorder: RequestRecorder;
	/** The hints the node added to its output since the test began. */
	hints: NodeExecutionHint[];
	run(
		parameters: IDataObject | ((itemIndex: number) => IDataObject),
		options?: { input?: INodeExecutionData[]; continueOnFail?: boolean },
	): Promise<INodeExecutionData[]>;
	/** The records the simulator holds for a module, in creation order. */
	records(module: string): Promise<IDataObject[]>;
	/** Creates a record through the simulator's control API and returns its id. */
	seed(module: string, fields: IDataObject): Promise<string>;
	/** Bigin API calls the node made, as `METHOD /path`. */
	calls(): string[];
}

/** The Bigin node against a fresh simulator per test, over real HTTP. */
export function useBiginNode(): BiginNodeFixture {
	const node = new Bigin();
	const fixture = {} as BiginNodeFixture;
	beforeAll(async () => {
		fixture.sim = await startSimulator();
		fixture.client = simClient(fixture.sim);
	});
	afterAll(async () => await fixture.sim.stop());
	beforeEach(async () => {
		fixture.sim.state.reset();
		fixture.credentials = await simulatorCredentials(fixture.sim);
		fixture.recorder = { requests: [], refreshes: 0 };
		fixture.hints = [];
	});
	fixture.run = async (parameters, options = {}) => {
		const context = executeContext({
			node: testNode('bigin'),
			credentials: fixture.credentials,
			parameters,
			input: options.input ?? items({}),
			continueOnFail: options.continueOnFail,
			recorder: fixture.recorder,
			hints: fixture.hints,
		});
		const [output] = await node.execute.call(context);
		return output;
	};
	fixture.records = async (module) =>
		(await fixture.client.control('GET', `records/${module}`)).data as IDataObject[];
	fixture.seed = async (module, fields) =>
		String((await fixture.client.control('POST', `records/${module}`, fields)).data[0].details.id);
	fixture.calls = () =>
		fixture.recorder.requests.map(
			(request) =>
				`${request.method} ${new URL(String(request.url)).pathname.replace('/bigin/v2', '')}`,
		);
	return fixture;
}

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Parameters of a record operation, with the defaults the editor would give. */
export function recordParameters(operation: string, extra: IDataObject = {}): IDataObject {
	return { resource: 'record', operation, module: 'Contacts', ...extra };
}

/** Field mapper parameters with values defined below, as the editor saves them. */
export function mapped(value: IDataObject, matchingColumns: string[] = []): IDataObject {
	return {
		mappingMode: 'defineBelow',
		value,
		matchingColumns,
		schema: [],
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
}

export const ids = (output: INodeExecutionData[]) => output.map((item) => item.json.id);
