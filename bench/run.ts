import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { n8nVersion, progress, ROOT } from '../tools/n8n/paths';
import { credits } from './credits';
import { n8nBench, singleProcessBench } from './n8nBench';
import { queueBench } from './queueBench';
import { packageWeight } from './packageWeight';
import { recordFetching } from './recordFetching';
import type { Section } from './report';
import { markdown, printSection, withSections } from './report';
import { packPackage } from '../tools/n8n/communityPackage';
import { provisionN8n } from '../tools/n8n/provision';

const RESULTS = join(ROOT, 'bench', 'RESULTS.md');

/**
 * `npm run bench`: every figure with its target, printed and written to bench/RESULTS.md.
 * `npm run bench -- fetching` measures record fetching alone (in this process, no n8n, about a
 * minute), `npm run bench -- webhook` webhook load in one n8n process alone, `npm run bench --
 * queue` webhook load in queue mode alone, `npm run bench -- weight` the package's weight alone;
 * each replaces only its sections in bench/RESULTS.md. `BENCH_ROUNDS` sets the rounds of the
 * webhook load (default 6).
 */
async function main(): Promise<void> {
	const only = ['fetching', 'webhook', 'queue', 'weight'].find((part) =>
		process.argv.slice(2).includes(part),
	);
	const sections: Section[] = [];
	if (only === undefined || only === 'webhook' || only === 'queue')
		await provisionN8n(n8nVersion());
	if (only !== 'fetching') await packPackage();
	if (only === undefined) {
		progress('Benchmark 1–2: webhook load in a real n8n');
		sections.push(...(await n8nBench()));
	}
	if (only === 'webhook') {
		progress('Benchmark 1–2: webhook load in one n8n process');
		sections.push(...(await singleProcessBench()));
	}
	if (only === 'queue') {
		progress('Benchmark 1b: webhook load in queue mode');
		sections.push(await queueBench());
	}
	if (only === undefined || only === 'fetching') {
		progress('Benchmark 3: record fetching, through queries and one by one');
		sections.push(...(await recordFetching()));
	}
	if (only === undefined || only === 'weight') {
		progress('Benchmark 4: package weight');
		sections.push(packageWeight());
	}
	if (only === undefined) {
		progress('Benchmark 5: API credits over simulated days');
		sections.push(await credits());
	}

	const machine = [
		`CPU: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
		`Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
		`Node.js (bench): ${process.version}${only === 'fetching' || only === 'weight' ? '' : `; n8n ${n8nVersion()}`}`,
		`Date: ${new Date().toISOString()}`,
	];
	for (const section of sections) printSection(section);
	await writeFile(
		RESULTS,
		only
			? withSections(await readFile(RESULTS, 'utf8'), sections, machine, only)
			: markdown(sections, machine),
	);
	const missed = sections
		.flatMap((section) => section.figures)
		.filter((figure) => figure.met === false);
	process.stdout.write(
		`\n${missed.length === 0 ? 'All targets met.' : `${missed.length} target(s) not met: ${missed.map((figure) => figure.name).join('; ')}`}\nWritten to bench/RESULTS.md\n`,
	);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
