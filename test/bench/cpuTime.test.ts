import { spawn } from 'node:child_process';

import { cpuMilliseconds } from '../../bench/cpuTime';

describe('cpuMilliseconds', () => {
	it('counts the CPU a process has used', () => {
		const before = cpuMilliseconds([process.pid]);
		const until = Date.now() + 300;
		while (Date.now() < until);
		expect(cpuMilliseconds([process.pid]) - before).toBeGreaterThanOrEqual(200);
	});

	it("counts a process's children with it", async () => {
		const child = spawn(process.execPath, [
			'-e',
			'const t = Date.now() + 400; while (Date.now() < t);',
		]);
		const done = new Promise((resolve) => child.once('exit', resolve));
		const before = cpuMilliseconds([process.pid]);
		await new Promise((resolve) => setTimeout(resolve, 350));
		const during = cpuMilliseconds([process.pid]);
		await done;
		expect(during - before).toBeGreaterThanOrEqual(200);
	});

	it('counts nothing for a process that does not exist', () => {
		expect(cpuMilliseconds([2 ** 22 + 1])).toBe(0);
	});
});
