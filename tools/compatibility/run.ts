import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { expressionEngine } from '../n8n/n8nInstance';
import { CACHE, ROOT, progress } from '../n8n/paths';
import type { Runtime } from '../n8n/provision';
import { provisionN8n } from '../n8n/provision';
import { cleanEnv, run } from '../n8n/run';
import type { MatrixVersion } from './matrix';
import { COMPATIBILITY_TEST, MATRIX, RESULTS_FILE, installBeside } from './matrix';
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

interface Installed {
	runtime?: Runtime;
	error?: string;
	install: VersionResult['install'];
}

/** n8n installed into .cache/ (or found there), timed; never rejects. */
async function install(entry: MatrixVersion, alongside?: string): Promise<Installed> {
	const cached = existsSync(join(CACHE, `n8n-${entry.n8n}`, '.ready'));
	const started = Date.now();
	const timing = () => ({ seconds: seconds(started), cached, alongside });
	try {
		const runtime = await provisionN8n(entry.n8n);
		return { runtime, install: timing() };
	} catch (error) {
		const reason = (error as Error).message.split('\n').slice(0, 3).join(' ');
		return { error: `n8n ${entry.n8n} did not install: ${reason}`, install: timing() };
	}
}

async function runVersion(entry: MatrixVersion, installed: Installed): Promise<VersionResult> {
	const result: VersionResult = {
		...entry,
		node: '',
		engine: expressionEngine(entry.n8n),
		install: installed.install,
		seconds: 0,
		passed: false,
		scenarios: [],
	};
	if (!installed.runtime) {
		result.error = installed.error;
		return result;
	}
	result.node = (await run(installed.runtime.node, ['--version'], { quiet: true })).trim();

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
			// The whole suite covers each compatibility scenario in its own files.
			...(entry.suite === 'whole'
				? ['--testPathIgnorePatterns', COMPATIBILITY_TEST]
				: [COMPATIBILITY_TEST]),
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
	let nextInstall: Promise<Installed> | undefined;
	for (const [index, entry] of MATRIX.entries()) {
		progress(`Compatibility matrix: n8n ${entry.n8n} (${entry.role})`);
		const installed = await (nextInstall ?? install(entry));
		const beside = installBeside(MATRIX, index);
		nextInstall = beside && installed.runtime ? install(beside, entry.n8n) : undefined;
		const result = await runVersion(entry, installed);
		matrixRun.versions.push(result);
		matrixRun.finishedAt = new Date().toISOString();
		await writeFile(RESULTS_FILE, `${JSON.stringify(matrixRun, null, '\t')}\n`);
		const installNote = result.install.cached
			? 'already installed'
			: `install ${result.install.seconds} s${result.install.alongside ? ` beside n8n ${result.install.alongside}'s scenarios` : ''}`;
		progress(
			`Compatibility matrix: n8n ${entry.n8n} ${result.passed ? 'passed' : 'FAILED'} (${installNote}, tests ${result.seconds} s)`,
		);
	}
	process.stdout.write(`\n${renderTable(matrixRun)}\n\nResults: ${RESULTS_FILE}\n`);
	if (matrixRun.versions.some((version) => !version.passed)) process.exitCode = 1;
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
