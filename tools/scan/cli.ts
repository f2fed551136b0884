import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { ROOT } from '../n8n/paths';
import { run } from '../n8n/run';
import type { LegResult } from './communityScan';
import { scanSource, scanTarball } from './communityScan';

/**
 * `npm run scan` (part of `npm run lint`): n8n's package scanner over the source and over the
 * tarball `npm pack` makes, both legs with the scanner's own configuration. `--source <folder>`
 * and `--tarball <file>` scan something else (the tests plant violations that way).
 */
function option(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Builds the package and packs it into a fresh folder, as a release would. */
async function packedTarball(folder: string): Promise<string> {
	await run('npm', ['run', 'build', '--silent'], { cwd: ROOT, quiet: true });
	await run('npm', ['pack', '--pack-destination', folder, '--loglevel=error'], {
		cwd: ROOT,
		quiet: true,
	});
	const [tarball] = (await readdir(folder)).filter((file) => file.endsWith('.tgz'));
	return join(folder, tarball);
}

function report(result: LegResult): void {
	const label = `n8n package scan, ${result.leg} (${result.scanned})`;
	if (result.passed) {
		console.log(`${label}: passed`);
		return;
	}
	console.error(`${label}: FAILED, ${result.message ?? 'no reason given'}`);
	if (result.details) console.error(result.details);
}

async function main(): Promise<void> {
	// eslint-plugin-n8n-nodes-base switches its rules to its own test fixtures under NODE_ENV=test
	// (which jest sets): the scanner never runs that way.
	if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV;
	const sourceDir = option('source');
	const givenTarball = option('tarball');
	const scanBoth = !sourceDir && !givenTarball;
	const packFolder = await mkdtemp(join(tmpdir(), 'bigin-pack-'));
	try {
		const results: LegResult[] = [];
		if (scanBoth || sourceDir) results.push(await scanSource(sourceDir ?? ROOT));
		if (scanBoth || givenTarball) {
			const tarball = givenTarball ?? (await packedTarball(packFolder));
			results.push({ ...(await scanTarball(tarball)), scanned: basename(tarball) });
		}
		results.forEach(report);
		if (results.some((result) => !result.passed)) process.exitCode = 1;
	} finally {
		await rm(packFolder, { recursive: true, force: true });
	}
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
