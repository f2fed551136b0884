import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withItemIndex } from '../transport/errors';
import * as notification from './notification';
import * as record from './record';
import type {
	BatchRun,
	BiginResource,
	ItemOutcome,
	Operation,
	OperationMap,
	PerItemOperation,
} from './operation';

const operations: OperationMap = {
	notification: notification.operations,
	record: record.operations,
};

function operationFor(resource: string, operation: string): Operation | undefined {
	const ofResource = operations[resource as BiginResource] as Record<string, Operation> | undefined;
	return ofResource?.[operation];
}

/** One call per item; with `stopAtFirstFailure` the first failed item ends the run. */
async function eachItem(
	context: IExecuteFunctions,
	operation: PerItemOperation,
	itemIndexes: number[],
	{ stopAtFirstFailure }: BatchRun,
): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = [];
	for (const itemIndex of itemIndexes) {
		try {
			outcomes.push({ output: await operation.execute.call(context, itemIndex) });
		} catch (error) {
			outcomes.push({ error });
			if (stopAtFirstFailure) break;
		}
	}
	return outcomes;
}

/**
 * The output for the outcomes, by position in `itemIndexes`: each item Bigin's answer led to,
 * paired with the input item it came from. A failed item fails the node (naming the item) unless
 * Continue On Fail is set; then it becomes an item carrying the error's message.
 */
export function outputOf(
	node: INode,
	itemIndexes: number[],
	outcomes: ItemOutcome[],
	continueOnFail: boolean,
): INodeExecutionData[] {
	const firstFailure = outcomes.findIndex((outcome) => outcome && 'error' in outcome);
	if (firstFailure >= 0 && !continueOnFail) {
		const { error } = outcomes[firstFailure] as { error: unknown };
		throw withItemIndex(node, error, itemIndexes[firstFailure]);
	}
	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, position) => {
		const pairedItem = { item: itemIndexes[position] };
		if ('error' in outcome) {
			const message =
				outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
			output.push({ json: { error: message }, pairedItem });
			return;
		}
		output.push(...outcome.output.map((result) => ({ ...result, pairedItem })));
	});
	return output;
}

/**
 * Runs an operation over the input items. The one place that applies Continue On Fail: without
 * it the operation stops at the first failed item, and that item fails the node.
 */
export async function runOperation(
	context: IExecuteFunctions,
	operation: Operation,
	itemIndexes: number[],
): Promise<INodeExecutionData[]> {
	const continueOnFail = context.continueOnFail();
	const run: BatchRun = { stopAtFirstFailure: !continueOnFail };
	const outcomes =
		'executeBatch' in operation
			? await operation.executeBatch.call(context, itemIndexes, run)
			: await eachItem(context, operation, itemIndexes, run);
	return outputOf(context.getNode(), itemIndexes, outcomes, continueOnFail);
}

/** Runs the chosen operation over the input items, one output item per entity Bigin returns. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const itemIndexes = this.getInputData().map((_, index) => index);
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operationFor(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not supported`,
		);
	}
	return [await runOperation(this, operation, itemIndexes)];
}
