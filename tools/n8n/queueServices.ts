import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from './n8nInstance';
import { progress } from './paths';
import { run } from './run';

/** The Debian packages queue mode needs, and the one command that installs them. */
const DEBIAN_PACKAGES = ['postgresql', 'redis-server'];
export const INSTALL_COMMAND = `sudo apt-get install -y ${DEBIAN_PACKAGES.join(' ')}`;

/** Raised when PostgreSQL or Redis is missing and this machine cannot install them by itself. */
export class MissingServicesError extends Error {
	constructor(missing: string[], reason: string) {
		super(
			[
				`Queue mode needs ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed, and ${reason}.`,
				`Install ${missing.length > 1 ? 'them' : 'it'} once with:  ${INSTALL_COMMAND}`,
				'Everything else runs without them: npm run test:e2e -- --testPathIgnorePatterns queueMode',
			].join('\n'),
		);
		this.name = 'MissingServicesError';
	}
}

export interface RunningService {
	port: number;
	/** The service's own process (its workers are its children). */
	pid: number | undefined;
	stop(): Promise<void>;
}

export interface RunningPostgres extends RunningService {
	env: Record<string, string>;
}

const daemons = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of daemons) child.kill('SIGKILL');
});

function postgresBinaries(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const [newest] = readdirSync(root)
		.filter((version) => existsSync(join(root, version, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return newest ? join(root, newest, 'bin') : undefined;
}

const redisBinary = (): string | undefined =>
	['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path));

/**
 * PostgreSQL and Redis from Debian's packages, installed with apt-get when missing and this
 * process may do so (root, apt-get present); otherwise a MissingServicesError naming the command.
 */
export async function ensureQueueServices(): Promise<{ postgresBin: string; redisServer: string }> {
	const missing = () =>
		[!postgresBinaries() && 'PostgreSQL', !redisBinary() && 'Redis'].filter(
			(name): name is string => Boolean(name),
		);
	if (missing().length > 0) {
		const isRoot = process.getuid?.() === 0;
		if (!isRoot || !existsSync('/usr/bin/apt-get'))
			throw new MissingServicesError(
				missing(),
				isRoot ? 'apt-get is not available' : 'installing them needs root',
			);
		progress(`Installing ${DEBIAN_PACKAGES.join(' and ')} with apt-get (first run only)`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const apt = ['-o', 'DPkg::Lock::Timeout=600', '-q'];
		await run('apt-get', [...apt, 'update'], { env, quiet: true });
		await run('apt-get', [...apt, 'install', '-y', '--no-install-recommends', ...DEBIAN_PACKAGES], {
			env,
			quiet: true,
		});
		if (missing().length > 0)
			throw new MissingServicesError(missing(), 'apt-get did not provide them');
	}
	return { postgresBin: postgresBinaries() as string, redisServer: redisBinary() as string };
}

interface DaemonOptions {
	readyLog: string;
	uid?: number;
	gid?: number;
}

/** A service in the foreground as our child, so stopping it is killing one known process. */
async function startDaemon(
	name: string,
	command: string,
	args: string[],
	options: DaemonOptions,
): Promise<ChildProcess> {
	const child = spawn(command, args, {
		stdio: ['ignore', 'pipe', 'pipe'],
		uid: options.uid,
		gid: options.gid,
		env: { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C' },
	});
	daemons.add(child);
	child.once('exit', () => daemons.delete(child));
	let logs = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`${name} did not start within 60 s:\n${logs.slice(-2000)}`)),
			60_000,
		);
		const onData = (chunk: Buffer) => {
			logs += chunk.toString();
			if (logs.includes(options.readyLog)) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${name} exited with ${code}:\n${logs.slice(-2000)}`));
		});
	});
	return child;
}

async function stopDaemon(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill(signal);
	const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
	await exited;
	clearTimeout(timer);
}

/** Runs as the `postgres` user when we are root: PostgreSQL refuses to run as root. */
async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
	if (process.getuid?.() !== 0) return undefined;
	const [uid, gid] = await Promise.all([
		run('id', ['-u', 'postgres'], { quiet: true }),
		run('id', ['-g', 'postgres'], { quiet: true }),
	]);
	return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/** A throw-away PostgreSQL cluster on a free loopback port, data in a fresh folder under /tmp. */
export async function startPostgres(binaries: string): Promise<RunningPostgres> {
	const user = await postgresUser();
	const dataDir = await mkdtemp(join(tmpdir(), 'bigin-queue-pg-'));
	if (user) await chown(dataDir, user.uid, user.gid);
	const asUser = user ? { uid: user.uid, gid: user.gid } : {};
	await new Promise<void>((resolve, reject) => {
		const initdb = spawn(
			join(binaries, 'initdb'),
			['-D', dataDir, '-U', 'n8n', '-A', 'trust', '-E', 'UTF8', '--no-sync'],
			{ stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, LANG: 'C' }, ...asUser },
		);
		let output = '';
		initdb.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		initdb.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		initdb.once('error', reject);
		initdb.once('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`initdb exited with ${code}:\n${output}`)),
		);
	});
	const port = await freePort();
	// Durability is pointless for a cluster deleted after the run; it only costs the shared machine time.
	const child = await startDaemon(
		'PostgreSQL',
		join(binaries, 'postgres'),
		[
			'-D',
			dataDir,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'unix_socket_directories=',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
		],
		{ readyLog: 'database system is ready to accept connections', ...asUser },
	);
	return {
		port,
		pid: child.pid,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: 'postgres',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
		},
		stop: async () => {
			// SIGINT is PostgreSQL's fast shutdown: it does not wait for n8n's pooled connections.
			await stopDaemon(child, 'SIGINT');
			await rm(dataDir, { recursive: true, force: true });
		},
	};
}

/** A Redis on a free loopback port that keeps nothing on disk. */
export async function startRedis(redisServer: string): Promise<RunningService> {
	const port = await freePort();
	const dir = await mkdtemp(join(tmpdir(), 'bigin-queue-redis-'));
	const child = await startDaemon(
		'Redis',
		redisServer,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		{ readyLog: 'Ready to accept connections' },
	);
	return {
		port,
		pid: child.pid,
		stop: async () => {
			await stopDaemon(child, 'SIGTERM');
			await rm(dir, { recursive: true, force: true });
		},
	};
}
