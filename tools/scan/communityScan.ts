import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { AnalysisResult } from '@n8n/scan-community-package/scanner/scanner.mjs';

import { run } from '../n8n/run';

/**
 * What the scanner lints of the published tarball: compiled JavaScript and package.json (the
 * pattern is inline in its `analyzePackageByName`, not exported).
 */
export const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

export interface LegResult extends AnalysisResult {
	leg: 'source' | 'tarball';
	/** What was scanned, for the report. */
	scanned: string;
}

/**
 * n8n's scanner, loaded as the ES module it is. The CLI runs under ts-node with `module: node16` (tools/scan/tsconfig.json),
 * which keeps this a native `import()`.
 */
async function loadScanner() {
	return await import('@n8n/scan-community-package/scanner/scanner.mjs');
}

/** The source leg: package.json, nodes/ and credentials/ of a checkout, as the scanner fetches them. */
export async function scanSource(packageDir: string): Promise<LegResult> {
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await loadScanner();
	const result = await analyzePackage(packageDir, SOURCE_FILE_PATTERNS);
	return { leg: 'source', scanned: packageDir, ...result };
}

/** The tarball leg: the packed package unpacked, as the scanner downloads it from npm. */
export async function scanTarball(tarball: string): Promise<LegResult> {
	const { analyzePackage } = await loadScanner();
	const folder = await mkdtemp(join(tmpdir(), 'bigin-scan-'));
	try {
		const packageDir = join(folder, 'package');
		await mkdir(packageDir);
		await run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], { quiet: true });
		const result = await analyzePackage(packageDir, TARBALL_FILE_PATTERNS);
		return { leg: 'tarball', scanned: tarball, ...result };
	} finally {
		await rm(folder, { recursive: true, force: true });
	}
}
