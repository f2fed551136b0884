import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BiginStatusEntry } from '../../transport/errors';
import { BiginApiError } from '../../transport/errors';
import type { RecordWriteResult } from '../../transport/records';
import { MAX_RECORDS_PER_WRITE } from '../../transport/records';
import type { BatchRun, ItemOutcome } from '../operation';

/** One input item's part of a batched write: where it goes and what it sends. */
export interface PreparedWrite<CallOptions = undefined> {
	itemIndex: number;
	module: string;
	/**
	 * What the call carries besides the records, e.g. an upsert's duplicate check fields: items
	 * share a call only when their module and these agree.
	 */
	callOptions?: CallOptions;
	payload: IDataObject;
}

interface Positioned<CallOptions> extends PreparedWrite<CallOptions> {
	position: number;
}

/** The items of one call to Bigin: one module, the same call options, at most 100 records. */
export interface WriteBatch<CallOptions> {
	module: string;
	callOptions?: CallOptions;
	payloads: IDataObject[];
	writes: Array<PreparedWrite<CallOptions>>;
}

/** Consecutive calls' worth of items: same module and call options, at most 100 each, in input order. */
export function batchesOf<T extends { module: string; callOptions?: unknown }>(
	prepared: T[],
): T[][] {
	const byKey = new Map<string, T[]>();
	for (const entry of prepared) {
		const key = JSON.stringify([entry.module, entry.callOptions ?? null]);
		byKey.set(key, [...(byKey.get(key) ?? []), entry]);
	}
	return [...byKey.values()].flatMap((entries) => {
		const batches: T[][] = [];
		for (let start = 0; start < entries.length; start += MAX_RECORDS_PER_WRITE) {
			batches.push(entries.slice(start, start + MAX_RECORDS_PER_WRITE));
		}
		return batches;
	});
}

export interface WritePlan<CallOptions = undefined> {
	/** Reads and checks one item; throws a node error naming what to fix. */
	prepare(itemIndex: number): Promise<Omit<PreparedWrite<CallOptions>, 'itemIndex'>>;
	/** Sends one batch; Bigin's entries come back in the batch's order. */
	send(batch: WriteBatch<CallOptions>): Promise<RecordWriteResult>;
	/** The output item for a record Bigin accepted. */
	output(entry: BiginStatusEntry, write: PreparedWrite<CallOptions>): IDataObject;
}

/** What Bigin's answer means for one record of a batch: its output, or its error. */
function entryOutcome<CallOptions>(
	node: INode,
	plan: WritePlan<CallOptions>,
	result: RecordWriteResult,
	index: number,
	write: PreparedWrite<CallOptions>,
): ItemOutcome {
	const entry = result.entries[index];
	const { itemIndex } = write;
	if (!entry) {
		return {
			error: new NodeOperationError(node, 'Bigin answered without a result for this record', {
				itemIndex,
			}),
		};
	}
	if (entry.status === 'error') {
		return {
			error: new BiginApiError(node, entry, {
				httpCode: result.statusCode,
				transient: false,
				itemIndex,
			}),
		};
	}
	return { output: [{ json: plan.output(entry, write) }] };
}

/**
 * Checks every item first, then sends them in batches of up to 100; every item gets its own
 * outcome, and Bigin's per-record errors (inside 2xx answers too) become that item's error. With
 * `stopAtFirstFailure` the first failure ends the run before anything more is sent.
 */
export async function executeWrites<CallOptions>(
	context: IExecuteFunctions,
	itemIndexes: number[],
	{ stopAtFirstFailure }: BatchRun,
	plan: WritePlan<CallOptions>,
): Promise<ItemOutcome[]> {
	const node = context.getNode();
	const outcomes: ItemOutcome[] = new Array(itemIndexes.length);
	const prepared: Array<Positioned<CallOptions>> = [];
	for (const [position, itemIndex] of itemIndexes.entries()) {
		try {
			prepared.push({ ...(await plan.prepare(itemIndex)), itemIndex, position });
		} catch (error) {
			outcomes[position] = { error };
			if (stopAtFirstFailure) return outcomes;
		}
	}
	for (const batch of batchesOf(prepared)) {
		let result: RecordWriteResult;
		try {
			result = await plan.send({
				module: batch[0].module,
				callOptions: batch[0].callOptions,
				payloads: batch.map((write) => write.payload),
				writes: batch,
			});
		} catch (error) {
			if (stopAtFirstFailure) {
				outcomes[batch[0].position] = { error };
				return outcomes;
			}
			for (const write of batch) outcomes[write.position] = { error };
			continue;
		}
		for (const [index, write] of batch.entries()) {
			const outcome = entryOutcome(node, plan, result, index, write);
			outcomes[write.position] = outcome;
			if ('error' in outcome && stopAtFirstFailure) return outcomes;
		}
	}
	return outcomes;
}

/**
 * The record as Bigin stored it, without another call: the fields the write sent (in Bigin's
 * types, which Bigin accepted) merged with what Bigin's answer adds (id, created and modified
 * time and user), the record's id first. Fields the write did not send are not read back.
 */
export function writtenRecord(
	entry: BiginStatusEntry,
	write: Pick<PreparedWrite<unknown>, 'payload'>,
): IDataObject {
	const details = entry.details ?? {};
	return { id: details.id ?? write.payload.id, ...write.payload, ...details };
}
