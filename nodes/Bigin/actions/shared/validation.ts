import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Stops the item before any call to Bigin, with a message that says what to fix. */
export function refuse(
	context: IExecuteFunctions,
	itemIndex: number,
	problem: string | undefined,
): void {
	if (problem) throw new NodeOperationError(context.getNode(), problem, { itemIndex });
}
