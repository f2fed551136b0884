import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { expressionEngine } from '../n8n/n8nInstance';
import { CACHE, ROOT, progress } from '../n8n/paths';
import { provisionN8n } from '../n8n/provision';
import { cleanEnv, run } from '../n8n/run';
import type { MatrixVersion } from './matrix';
import { COMPATIBILITY_TEST, MATRIX, RESULTS_FILE } from './matrix';
import type { MatrixRun, VersionResult } from './results';
import { scenariosFromJestReport } from './results';
import { renderTable } from './table';

/**
 * `npm run test:compat`: one jest run per n8n version of the matrix, after installing that n8n into
 * .cache/ (timed): the whole end-to-end suite on the pinned version, the compatibility scenarios on
 * the others. Results go to .cache/compatibility/results.json after each version; the exit code is
 * 1 when any version failed.
 */
const seconds = (since: number) => Math.round((Date.now() - since) / 1000);

async function runVersion(entry: MatrixVersion): Promise<VersionResult> {
	const result: VersionResult = {
		...entry,
		node: '',
		engine: expressionEngine(entry.n8n),
		install: { seconds: 0, cached: existsSync(join(CACHE, `n8n-${entry.n8n}`, '.ready')) },
		seconds: 0,
		passed: false,
		scenarios: [],
	};
	const installStarted = Date.now();
	try {
		const runtime = await provisionN8n(entry.n8n);
		result.node = (await run(runtime.node, ['--version'], { quiet: true })).trim();
	} catch (error) {
		result.error = `n8n ${entry.n8n} did not install: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`;
		return result;
	} finally {
		result.install.seconds = seconds(installStarted);
	}

	const report = join(CACHE, 'compatibility', `jest-${entry.n8n}.json`);
	await rm(report, { force: true });
	const started = Date.now();
	let jestFailure: string | undefined;
	await run(
		join(ROOT, 'node_modules', '.bin', 'jest'),
		[
			'--selectProjects',
			'e2e',
			'--runInBand',
			'--verbose',
			'--forceExit',
			'--json',
			`--outputFile=${report}`,
			...(entry.suite === 'whole' ? [] : [COMPATIBILITY_TEST]),
		],
		{ cwd: ROOT, env: cleanEnv({ N8N_VERSION: entry.n8n }) },
	).catch((error: Error) => {
		jestFailure = error.message.split('\n')[0];
	});
	result.seconds = seconds(started);
	if (existsSync(report))
		result.scenarios = scenariosFromJestReport(JSON.parse(await readFile(report, 'utf8')));
	const ran = result.scenarios.filter((scenario) => scenario.status !== 'skipped');
	result.passed =
		jestFailure === undefined &&
		ran.length > 0 &&
		ran.every((scenario) => scenario.status === 'passed');
	if (!result.passed && !result.scenarios.some((scenario) => scenario.status === 'failed'))
		result.error = jestFailure ?? 'no scenario ran';
	return result;
}

async function main(): Promise<void> {
	const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
	const head = (
		await run('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, quiet: true })
	).trim();
	const dirty = (await run('git', ['status', '--porcelain'], { cwd: ROOT, quiet: true })).trim();
	const matrixRun: MatrixRun = {
		finishedAt: '',
		packageVersion: manifest.version,
		commit: dirty ? `${head}-dirty` : head,
		versions: [],
	};
	await mkdir(dirname(RESULTS_FILE), { recursive: true });
	for (const entry of MATRIX) {
		progress(`Compatibility matrix: n8n ${entry.n8n} (${entry.role})`);
		const result = await runVersion(entry);
		matrixRun.versions.push(result);
		matrixRun.finishedAt = new Date().toISOString();
		await writeFile(RESULTS_FILE, `${JSON.stringify(matrixRun, null, '\t')}\n`);
		progress(
			`Compatibility matrix: n8n ${entry.n8n} ${result.passed ? 'passed' : 'FAILED'} (install ${result.install.cached ? 'cached' : `${result.install.seconds} s`}, scenarios ${result.seconds} s)`,
		);
	}
	process.stdout.write(`\n${renderTable(matrixRun)}\n\nResults: ${RESULTS_FILE}\n`);
	if (matrixRun.versions.some((version) => !version.passed)) process.exitCode = 1;
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
