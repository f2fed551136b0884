import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type {
	BatchOperation,
	BatchRun,
	ItemOutcome,
	PerItemOperation,
} from '../../../../nodes/Bigin/actions/operation';
import { outputOf, runOperation } from '../../../../nodes/Bigin/actions/router';
import { testNode } from '../../../../tools/contexts/nodeHarness';

const node = testNode('bigin');

/** An execution whose only say is whether Continue On Fail is set; counts how often it is asked. */
function execution(continueOnFail: boolean) {
	const asked = { continueOnFail: 0 };
	const context = {
		getNode: () => node,
		continueOnFail: () => {
			asked.continueOnFail += 1;
			return continueOnFail;
		},
	} as unknown as IExecuteFunctions;
	return { context, asked };
}

/** One call per item; the items in `failing` throw. */
function perItem(failing: number[]) {
	const ran: number[] = [];
	const operation: PerItemOperation = {
		async execute(itemIndex) {
			ran.push(itemIndex);
			if (failing.includes(itemIndex)) throw new Error(`item ${itemIndex} failed`);
			return [{ json: { itemIndex } }];
		},
	};
	return { operation, ran };
}

/** A batch that answers with the given outcomes and keeps what the router told it. */
function batch(outcomes: ItemOutcome[]) {
	const runs: BatchRun[] = [];
	const operation: BatchOperation = {
		async executeBatch(_itemIndexes, run) {
			runs.push(run);
			return outcomes;
		},
	};
	return { operation, runs };
}

async function failureOf(promise: Promise<unknown>): Promise<NodeOperationError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeOperationError;
	}
	throw new Error('expected a failure');
}

describe('The router applies Continue On Fail', () => {
	it('without it, stops at the first failed item and fails the node naming that item', async () => {
		const { context, asked } = execution(false);
		const { operation, ran } = perItem([1, 2]);
		const error = await failureOf(runOperation(context, operation, [0, 1, 2, 3]));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('item 1 failed');
		expect(error.context.itemIndex).toBe(1);
		expect(ran).toEqual([0, 1]);
		expect(asked.continueOnFail).toBe(1);
	});

	it('with it, turns each failed item into an error item paired with its input and runs the rest', async () => {
		const { context, asked } = execution(true);
		const { operation, ran } = perItem([1, 2]);
		const output = await runOperation(context, operation, [0, 1, 2, 3]);
		expect(output).toEqual([
			{ json: { itemIndex: 0 }, pairedItem: { item: 0 } },
			{ json: { error: 'item 1 failed' }, pairedItem: { item: 1 } },
			{ json: { error: 'item 2 failed' }, pairedItem: { item: 2 } },
			{ json: { itemIndex: 3 }, pairedItem: { item: 3 } },
		]);
		expect(ran).toEqual([0, 1, 2, 3]);
		expect(asked.continueOnFail).toBe(1);
	});

	it('tells a batch operation whether to stop at the first failure, and nothing else', async () => {
		for (const continueOnFail of [false, true]) {
			const { operation, runs } = batch([{ output: [] }]);
			await runOperation(execution(continueOnFail).context, operation, [0]);
			expect(runs).toEqual([{ stopAtFirstFailure: !continueOnFail }]);
		}
	});

	it("fails the node with the item a stopped batch reports, even after other items' outputs", async () => {
		const failed = new NodeOperationError(node, 'Bigin error INVALID_DATA');
		const stopped: ItemOutcome[] = [{ output: [{ json: { id: '1' } }] }, { error: failed }];
		const { operation } = batch(stopped);
		const error = await failureOf(runOperation(execution(false).context, operation, [0, 1, 2]));
		expect(error).toBe(failed);
		expect(error.context.itemIndex).toBe(1);
	});

	it("pairs every output item with the input item it came from, by the outcome's position", () => {
		const results: INodeExecutionData[] = [{ json: { id: 'a' } }, { json: { id: 'b' } }];
		const output = outputOf(node, [4, 7], [{ output: results }, { error: 'refused' }], true);
		expect(output).toEqual([
			{ json: { id: 'a' }, pairedItem: { item: 4 } },
			{ json: { id: 'b' }, pairedItem: { item: 4 } },
			{ json: { error: 'refused' }, pairedItem: { item: 7 } },
		]);
	});
});
