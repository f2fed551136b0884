import type { IExecuteFunctions } from 'n8n-workflow';

import { deduplicationStore } from '../../../../tools/contexts/deduplication';
import {
	REMEMBERED_IN_DATABASE,
	deliveredBefore,
} from '../../../../nodes/Bigin/trigger/storeCheck';

let dedupe: ReturnType<typeof deduplicationStore>;
let warnings: string[];
let nodes = 0;
let node = '';

/** What deliveredBefore uses of an execution: n8n's deduplication helper and the logger. */
const context = () =>
	({
		helpers: { checkProcessedAndRecord: dedupe.checkProcessedAndRecord },
		logger: { warn: (message: string) => warnings.push(message) },
	}) as unknown as IExecuteFunctions;

beforeEach(() => {
	dedupe = deduplicationStore();
	warnings = [];
	node = `workflow/node-${++nodes}`;
});

describe('deliveredBefore', () => {
	it(`records each key in n8n's store with a history of ${REMEMBERED_IN_DATABASE}, and knows it the next time`, async () => {
		expect(await deliveredBefore(context(), node, 'a')).toBe(false);
		expect(await deliveredBefore(context(), node, 'a')).toBe(true);
		expect(dedupe.calls.map((call) => call.options)).toEqual([
			{ mode: 'entries', maxEntries: REMEMBERED_IN_DATABASE },
			{ mode: 'entries', maxEntries: REMEMBERED_IN_DATABASE },
		]);
	});

	it('asks once for the keys that arrive while a call is in flight, each key once', async () => {
		const answers = await Promise.all(
			['a', 'b', 'c', 'b', 'd'].map(async (key) => await deliveredBefore(context(), node, key)),
		);
		expect(answers).toEqual([false, false, false, true, false]);
		expect(dedupe.calls.map((call) => call.items)).toEqual([['a'], ['b', 'c', 'd']]);
	});

	it('keeps the checks of two triggers apart', async () => {
		await Promise.all([
			deliveredBefore(context(), node, 'a'),
			deliveredBefore(context(), 'other/node', 'a'),
		]);
		expect(dedupe.calls).toHaveLength(2);
	});

	it('counts a key as new where the store fails, says so, and asks again for the next', async () => {
		const failing = jest
			.spyOn(dedupe, 'checkProcessedAndRecord')
			.mockRejectedValueOnce(new Error('connection terminated'));
		expect(await deliveredBefore(context(), node, 'a')).toBe(false);
		expect(warnings).toEqual(['Bigin Trigger: could not check whether a notification is a replay']);
		failing.mockRestore();
		expect(await deliveredBefore(context(), node, 'a')).toBe(false);
		expect(await deliveredBefore(context(), node, 'a')).toBe(true);
	});
});
