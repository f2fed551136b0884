import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ROOT } from '../n8n/paths';
import { RESULTS_FILE } from './matrix';
import type { MatrixRun } from './results';
import { oldestPassing, withTable } from './table';

/** `npm run compat:readme`: README's compatibility table from the last matrix run's results. */
async function main(): Promise<void> {
	const results = await readFile(RESULTS_FILE, 'utf8').catch(() => {
		throw new Error(`No matrix results at ${RESULTS_FILE}: run npm run test:compat first.`);
	});
	const matrixRun = JSON.parse(results) as MatrixRun;
	const readmePath = join(ROOT, 'README.md');
	await writeFile(readmePath, withTable(await readFile(readmePath, 'utf8'), matrixRun));
	console.log(
		`README.md: compatibility table from the run of ${matrixRun.finishedAt} (oldest passing: ${oldestPassing(matrixRun) ?? 'none'})`,
	);
}

void main().catch((error: unknown) => {
	console.error((error as Error).message);
	process.exitCode = 1;
});
