import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

/** What one input item led to: its output items, or the error it failed with. */
export type ItemOutcome = { output: INodeExecutionData[] } | { error: unknown };

/** An operation that calls Bigin once (or a few times) per input item. */
export interface PerItemOperation {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
}

/** What the router tells a batch operation: whether the first failed item ends the run. */
export interface BatchRun {
	stopAtFirstFailure: boolean;
}

/**
 * An operation that sends many input items to Bigin in one call (writes, deletes). It checks
 * every item before the first call and returns the outcomes by position, one per given item. With
 * `stopAtFirstFailure` it sends nothing after the first item that fails (a check or Bigin), and
 * returns at once: that item's outcome is the only error, and items after it may have none.
 */
export interface BatchOperation {
	executeBatch(
		this: IExecuteFunctions,
		itemIndexes: number[],
		run: BatchRun,
	): Promise<ItemOutcome[]>;
}

export type Operation = PerItemOperation | BatchOperation;

/** The operations of each resource: the router's map and the editor's options share these names. */
export interface BiginMap {
	notification: 'enable' | 'getAll' | 'update' | 'renew' | 'disableEvents' | 'disable';
	record:
		| 'get'
		| 'getAll'
		| 'getRelated'
		| 'search'
		| 'query'
		| 'create'
		| 'update'
		| 'upsert'
		| 'delete'
		| 'count'
		| 'linkProduct'
		| 'unlinkProduct';
}

export type BiginResource = keyof BiginMap;

export type OperationMap = { [R in BiginResource]: Record<BiginMap[R], Operation> };

/** Operation options whose values must be operations of the resource. */
export function operationOptions<R extends BiginResource>(
	options: Array<INodePropertyOptions & { value: BiginMap[R]; action: string }>,
): INodePropertyOptions[] {
	return options;
}
