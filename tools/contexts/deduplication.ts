import { createHash } from 'node:crypto';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedOptions,
	IDeduplicationOutput,
} from 'n8n-workflow';

/**
 * n8n's `checkProcessedAndRecord` in 'entries' mode, in memory: items hashed, kept per scope,
 * the oldest dropped beyond `maxEntries`. Shared by every execution that uses the same store,
 * like n8n's database table. The real one is proven in the end-to-end suite.
 */
export function deduplicationStore() {
	const entries = new Map<string, string[]>();
	const calls: Array<{ items: DeduplicationItemTypes[]; options: ICheckProcessedOptions }> = [];
	async function checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		calls.push({ items, options });
		const kept = entries.get(scope) ?? [];
		const output: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			const hash = createHash('md5').update(String(item)).digest('base64');
			if (kept.includes(hash)) output.processed.push(item);
			else {
				output.new.push(item);
				kept.push(hash);
			}
		}
		if (options.maxEntries) kept.splice(0, Math.max(0, kept.length - options.maxEntries));
		entries.set(scope, kept);
		return output;
	}
	return { checkProcessedAndRecord, calls };
}
