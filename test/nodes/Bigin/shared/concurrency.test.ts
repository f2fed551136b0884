import { mapWithConcurrency } from '../../../../nodes/Bigin/shared/concurrency';

describe('mapWithConcurrency', () => {
	it('keeps order and never runs more than the limit at once', async () => {
		let running = 0;
		let peak = 0;
		const result = await mapWithConcurrency([5, 1, 4, 2, 3, 0], 2, async (value) => {
			running += 1;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setTimeout(resolve, value * 3));
			running -= 1;
			return value * 10;
		});
		expect(result).toEqual([50, 10, 40, 20, 30, 0]);
		expect(peak).toBe(2);
	});

	it('handles empty input', async () => {
		expect(await mapWithConcurrency([], 5, async () => 1)).toEqual([]);
	});

	it('fails when a mapping fails', async () => {
		await expect(
			mapWithConcurrency([1, 2], 2, async (value) => {
				if (value === 2) throw new Error('boom');
				return value;
			}),
		).rejects.toThrow('boom');
	});
});
