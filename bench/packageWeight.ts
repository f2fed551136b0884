import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from '../tools/n8n/paths';
import type { Section } from './report';

const RUNS = 9;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds to require() the built nodes and credential in a fresh Node process. */
function loadTime(preloadHost: boolean): number {
	const files = [
		'dist/credentials/BiginOAuth2Api.credentials.js',
		'dist/nodes/Bigin/Bigin.node.js',
		'dist/nodes/Bigin/BiginTrigger.node.js',
	].map((file) => join(ROOT, file));
	const script = [
		preloadHost ? "require('n8n-workflow'); require('luxon');" : '',
		'const started = process.hrtime.bigint();',
		`for (const file of ${JSON.stringify(files)}) require(file);`,
		'process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));',
	].join('\n');
	return Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT }).toString());
}

export function packageWeight(): Section {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], {
			cwd: ROOT,
		}).toString(),
	) as Array<{ size: number; unpackedSize: number; entryCount: number }>;
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		dependencies?: Record<string, string>;
	};
	const runtimeDependencies = Object.keys(manifest.dependencies ?? {}).length;
	const incremental = median(Array.from({ length: RUNS }, () => loadTime(true)));
	const cold = median(Array.from({ length: RUNS }, () => loadTime(false)));
	return {
		title: '4. Package weight',
		description: `\`npm pack\` of the built package, and the median of ${RUNS} fresh Node processes timing \`require()\` of the two nodes and the credential. n8n has n8n-workflow and luxon loaded already, so the first load time is the one n8n pays; the second includes loading n8n-workflow itself.`,
		figures: [
			{
				name: 'Tarball size',
				value: `${(packed.size / 1024).toFixed(1)} kB`,
				target: '< 60 kB',
				met: packed.size < 60 * 1024,
			},
			{
				name: 'Unpacked size',
				value: `${(packed.unpackedSize / 1024).toFixed(1)} kB (${packed.entryCount} files)`,
			},
			{
				name: 'Runtime dependencies',
				value: String(runtimeDependencies),
				target: '0',
				met: runtimeDependencies === 0,
			},
			{
				name: 'Load time in n8n (n8n-workflow already loaded)',
				value: `${incremental.toFixed(1)} ms`,
				target: '< 50 ms',
				met: incremental < 50,
			},
			{ name: 'Load time from cold (including n8n-workflow)', value: `${cold.toFixed(1)} ms` },
		],
	};
}
