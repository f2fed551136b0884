import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withItemIndex } from '../transport/errors';
import * as notification from './notification';
import * as record from './record';
import type {
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

/** One call per item, stopping at the first failure unless Continue On Fail is set. */
async function eachItem(
	context: IExecuteFunctions,
	operation: PerItemOperation,
	itemIndexes: number[],
): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = [];
	for (const itemIndex of itemIndexes) {
		try {
			outcomes.push({ output: await operation.execute.call(context, itemIndex) });
		} catch (error) {
			if (!context.continueOnFail()) throw withItemIndex(context.getNode(), error, itemIndex);
			outcomes.push({ error });
		}
	}
	return outcomes;
}

/**
 * Runs the chosen operation over the input items: one output item per entity Bigin returns, each
 * paired with the input item it came from; with Continue On Fail a failed item becomes an error item.
 */
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
	const outcomes =
		'executeBatch' in operation
			? await operation.executeBatch.call(this, itemIndexes)
			: await eachItem(this, operation, itemIndexes);

	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, position) => {
		const itemIndex = itemIndexes[position];
		const pairedItem = { item: itemIndex };
		if ('error' in outcome) {
			if (!this.continueOnFail()) throw withItemIndex(this.getNode(), outcome.error, itemIndex);
			const message =
				outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
			output.push({ json: { error: message }, pairedItem });
			return;
		}
		output.push(...outcome.output.map((result) => ({ ...result, pairedItem })));
	});
	return [output];
}
