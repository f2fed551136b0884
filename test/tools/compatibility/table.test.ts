import type { MatrixRun, VersionResult } from '../../../tools/compatibility/results';
import { scenariosFromJestReport } from '../../../tools/compatibility/results';
import {
	TABLE_END,
	TABLE_START,
	oldestPassing,
	renderTable,
	withTable,
} from '../../../tools/compatibility/table';

function version(n8n: string, passed: boolean, extra: Partial<VersionResult> = {}): VersionResult {
	return {
		n8n,
		role: `role of ${n8n}`,
		suite: n8n === '2.40.7' ? 'whole' : 'compatibility',
		node: n8n.startsWith('1.') ? 'v20.20.2' : 'v24.11.1',
		engine: n8n.startsWith('1.') ? 'legacy' : 'default',
		install: { seconds: 300, cached: false },
		seconds: 200,
		passed,
		scenarios: [
			{ title: '1. activation', status: 'passed', seconds: 1 },
			{ title: '2. a record', status: passed ? 'passed' : 'failed', seconds: 1 },
		],
		...extra,
	};
}

const run = (...versions: VersionResult[]): MatrixRun => ({
	finishedAt: '2026-12-06T05:00:00.000Z',
	packageVersion: '0.2.0',
	commit: 'abc1234',
	versions,
});

describe('compatibility table from the matrix results', () => {
	it('lists every version, newest first, with what it runs on and its result', () => {
		const table = renderTable(
			run(version('1.123.81', true), version('2.40.7', true), version('2.41.1', true)),
		);
		const rows = table.split('\n').filter((line) => /^\| \d/.test(line));
		expect(rows).toEqual([
			'| 2.41.1 | role of 2.41.1 | Node 24.11.1, default expression engine | passed: 2 of 2 compatibility scenarios |',
			'| 2.40.7 | role of 2.40.7 | Node 24.11.1, default expression engine | passed: 2 of 2 tests of the whole end-to-end suite |',
			'| 1.123.81 | role of 1.123.81 | Node 20.20.2, legacy expression engine (`N8N_EXPRESSION_ENGINE=legacy`) | passed: 2 of 2 compatibility scenarios |',
		]);
		expect(table).toContain('Oldest n8n version that passed: **1.123.81**.');
		expect(table).toContain('Last matrix run: 2026-12-06, package 0.2.0 at commit abc1234.');
	});

	it('states the oldest version that passed, comparing versions by number', () => {
		expect(oldestPassing(run(version('2.40.7', true), version('2.9.0', true)))).toBe('2.9.0');
		expect(oldestPassing(run(version('1.123.81', false), version('2.41.1', true)))).toBe('2.41.1');
		expect(renderTable(run(version('2.41.1', false)))).toContain(
			'No n8n version passed in the last matrix run.',
		);
	});

	it('names the failed scenarios, and a failure outside them', () => {
		const table = renderTable(
			run(
				version('1.123.81', false),
				version('2.41.3', false, {
					node: '',
					scenarios: [],
					error: 'n8n 2.41.3 did not install: No matching version found for @n8n/agents@0.26.2.',
				}),
			),
		);
		expect(table).toContain(
			'| 1.123.81 | role of 1.123.81 | Node 20.20.2, legacy expression engine (`N8N_EXPRESSION_ENGINE=legacy`) | **failed**: 1 of 2 compatibility scenarios passed; failed “2. a record” |',
		);
		expect(table).toContain(
			'| 2.41.3 | role of 2.41.3 | default expression engine | **failed**: 0 of 0 compatibility scenarios passed; n8n 2.41.3 did not install: No matching version found for @n8n/agents@0.26.2. |',
		);
	});

	it('replaces only what lies between the markers in the README', () => {
		const readme = `# Title\n\n## Compatibility\n\n${TABLE_START}\nold table\n${TABLE_END}\n\nMore text.\n`;
		const written = withTable(readme, run(version('2.40.7', true)));
		expect(written.startsWith('# Title\n\n## Compatibility\n\n')).toBe(true);
		expect(written.endsWith(`${TABLE_END}\n\nMore text.\n`)).toBe(true);
		expect(written).not.toContain('old table');
		expect(withTable(written, run(version('2.40.7', true)))).toBe(written);
		expect(() => withTable('# no markers', run())).toThrow('no compatibility table markers');
	});

	it("reads scenarios from jest's JSON report", () => {
		expect(
			scenariosFromJestReport({
				testResults: [
					{
						assertionResults: [
							{ title: 'a', status: 'passed', duration: 1499 },
							{ title: 'b', status: 'failed', duration: null },
							{ title: 'c', status: 'pending' },
						],
					},
				],
			}),
		).toEqual([
			{ title: 'a', status: 'passed', seconds: 1 },
			{ title: 'b', status: 'failed', seconds: 0 },
			{ title: 'c', status: 'skipped', seconds: 0 },
		]);
	});
});
