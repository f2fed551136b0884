import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Stops the item before any call to Bigin, with a message that says what to fix. */
export function refuseItem(context: IExecuteFunctions, itemIndex: number, message: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex });
}

/** Stops the item when a check found a problem; lets it through when the check found none. */
export function refuseIfProblem(
	context: IExecuteFunctions,
	itemIndex: number,
	problem: string | undefined,
): void {
	if (problem) refuseItem(context, itemIndex, problem);
}
