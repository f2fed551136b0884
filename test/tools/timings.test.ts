import { elapsed, stepTimings, timedStep } from '../../tools/n8n/timings';

describe('Timed steps of a first run', () => {
	it('reads a duration as a person would', () => {
		expect(elapsed(4_400)).toBe('4 s');
		expect(elapsed(65_000)).toBe('1 min 5 s');
	});

	it('records each step, longest first, then the wall clock since the first began', async () => {
		await timedStep(
			'short step',
			async () => await new Promise((resolve) => setTimeout(resolve, 10)),
		);
		await timedStep(
			'long step',
			async () => await new Promise((resolve) => setTimeout(resolve, 1200)),
		);
		const lines = stepTimings();
		expect(lines.map((line) => line.trim())).toEqual([
			'1 s  long step',
			'0 s  short step',
			'1 s  in all',
		]);
	});

	it('gives a step that reports nothing a line every 5 seconds with the time so far', async () => {
		jest.useFakeTimers();
		const written: string[] = [];
		const write = jest
			.spyOn(process.stdout, 'write')
			.mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
		try {
			let finish = () => {};
			const step = timedStep(
				'compiling',
				async () => await new Promise<void>((resolve) => (finish = resolve)),
				{ quiet: true },
			);
			jest.advanceTimersByTime(10_000);
			finish();
			await step;
		} finally {
			write.mockRestore();
			jest.useRealTimers();
		}
		expect(written).toEqual([
			'[n8n-nodes-bigin]   compiling: 5 s\n',
			'[n8n-nodes-bigin]   compiling: 10 s\n',
		]);
	});
});
