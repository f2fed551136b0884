import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

/** What one input item led to: its output items, or the error it failed with. */
export type ItemOutcome = { output: INodeExecutionData[] } | { error: unknown };

/** An operation that calls Bigin once (or a few times) per input item. */
export interface PerItemOperation {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
}

/**
 * An operation that sends many input items to Bigin in one call (writes, deletes). It returns one
 * outcome per given item, in order, and checks every item before the first call: without Continue
 * On Fail, an item that fails the check throws before anything is sent.
 */
export interface BatchOperation {
	executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<ItemOutcome[]>;
}

export type Operation = PerItemOperation | BatchOperation;

/** The operations of each resource: the router's map and the editor's options share these names. */
export interface BiginMap {
	notification: 'enable' | 'getAll' | 'update' | 'renew' | 'disableEvents' | 'disable';
	record: 'get' | 'getAll' | 'search' | 'create' | 'update' | 'upsert' | 'delete' | 'count';
}

export type BiginResource = keyof BiginMap;

export type OperationMap = { [R in BiginResource]: Record<BiginMap[R], Operation> };

/** Operation options whose values must be operations of the resource. */
export function operationOptions<R extends BiginResource>(
	options: Array<INodePropertyOptions & { value: BiginMap[R]; action: string }>,
): INodePropertyOptions[] {
	return options;
}
