import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withItemIndex } from '../transport/errors';
import * as notification from './notification';

type OperationRunner = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<INodeExecutionData[]>;

const operations: Record<string, Record<string, OperationRunner>> = {
	notification: {
		enable: notification.enable.execute,
		getAll: notification.getMany.execute,
		update: notification.update.execute,
		renew: notification.renew.execute,
		disableEvents: notification.disableEvents.execute,
		disable: notification.disable.execute,
	},
};

/** Runs the chosen operation once per input item; with Continue On Fail a failed item becomes an error item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const run = operations[resource]?.[operation];
		try {
			if (!run) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operation}" is not supported`,
					{ itemIndex },
				);
			}
			const results = await run.call(this, itemIndex);
			output.push(...results.map((result) => ({ ...result, pairedItem: { item: itemIndex } })));
		} catch (error) {
			if (this.continueOnFail()) {
				const message = error instanceof Error ? error.message : String(error);
				output.push({ json: { error: message }, pairedItem: { item: itemIndex } });
				continue;
			}
			throw withItemIndex(this.getNode(), error, itemIndex);
		}
	}
	return [output];
}
