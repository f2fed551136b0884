import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

import type { Runtime } from './provision';
import { run } from './run';

export const OWNER = {
	email: 'owner@bigin-e2e.example',
	firstName: 'Bigin',
	lastName: 'Tester',
	password: 'Bigin-e2e-Passw0rd',
};

const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/**
 * The expression engine the harness runs an n8n version with. n8n 1.x runs on Node 20 here, where
 * its isolated-vm engine cannot be built (its native module needs Node 22+ or install scripts);
 * n8n's legacy engine evaluates the same expressions in-process.
 */
export function expressionEngine(n8nVersion: string): 'default' | 'legacy' {
	return Number(n8nVersion.split('.')[0]) < 2 ? 'legacy' : 'default';
}

/** Which n8n process: the main (`start`), a queue-mode `worker`, or a `webhook` processor. */
export type N8nCommand = 'start' | 'worker' | 'webhook';

/** What each process logs once it serves requests (the worker's port is its health server). */
const READY_LOG: Record<N8nCommand, string> = {
	start: 'Editor is now accessible',
	worker: 'n8n worker is now ready',
	webhook: 'Webhook listener waiting for requests',
};

export interface N8nOptions {
	runtime: Runtime;
	/** Defaults to `start`. */
	command?: N8nCommand;
	userFolder: string;
	port: number;
	/** Base of production webhook URLs; defaults to this instance on loopback. */
	webhookUrl?: string;
	env?: Record<string, string>;
}

/** One headless n8n: its CLI, its server process, and its REST and public APIs. */
export class N8nInstance {
	readonly url: string;
	logs = '';
	private child?: ChildProcess;
	private cookie = '';
	private apiKey = '';

	/** The n8n process's id while it runs: the bench reads its CPU time. */
	get pid(): number | undefined {
		return this.child?.exitCode === null ? this.child.pid : undefined;
	}

	constructor(private readonly options: N8nOptions) {
		this.url = `http://127.0.0.1:${options.port}`;
	}

	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		// Only what n8n needs: inherited settings (NODE_ENV=test under jest, the user's N8N_*) would change its behaviour.
		return {
			PATH: process.env.PATH,
			HOME: process.env.HOME,
			N8N_USER_FOLDER: this.options.userFolder,
			N8N_ENCRYPTION_KEY: 'bigin-e2e-encryption-key-0123456789',
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PORT: String(this.options.port),
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: this.options.webhookUrl ?? `${this.url}/`,
			N8N_EDITOR_BASE_URL: this.url,
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			DB_SQLITE_POOL_SIZE: '2',
			N8N_RUNNERS_MODE: 'internal',
			...this.versionSpecificEnv(),
			...this.options.env,
			...extra,
		};
	}

	private versionSpecificEnv(): Record<string, string> {
		return expressionEngine(this.options.runtime.n8nVersion) === 'legacy'
			? { N8N_EXPRESSION_ENGINE: 'legacy' }
			: {};
	}

	async cli(args: string[]): Promise<string> {
		return await run(this.options.runtime.node, [this.options.runtime.n8nBin, ...args], {
			env: this.env(),
			quiet: true,
		});
	}

	async importCredentials(credentials: object[]): Promise<void> {
		const file = join(this.options.userFolder, 'credentials.import.json');
		await writeFile(file, JSON.stringify(credentials));
		await this.cli(['import:credentials', `--input=${file}`]);
	}

	async importWorkflow(workflow: object): Promise<void> {
		const file = join(this.options.userFolder, 'workflow.import.json');
		await writeFile(file, JSON.stringify(workflow));
		await this.cli(['import:workflow', `--input=${file}`]);
	}

	/** Marks a workflow active for the next start: `publish:workflow` on n8n 2.x, `update:workflow` on 1.x. */
	async publish(workflowId: string): Promise<void> {
		const major = Number(this.options.runtime.n8nVersion.split('.')[0]);
		await this.cli(
			major >= 2
				? ['publish:workflow', `--id=${workflowId}`]
				: ['update:workflow', `--id=${workflowId}`, '--active=true'],
		);
	}

	async start(extraEnv: Record<string, string> = {}): Promise<void> {
		await mkdir(this.options.userFolder, { recursive: true });
		// The task broker defaults to port 5679 in every n8n; a free one lets several instances run side by side.
		const brokerPort = String(await freePort());
		const command = this.options.command ?? 'start';
		const child = spawn(this.options.runtime.node, [this.options.runtime.n8nBin, command], {
			env: this.env({ N8N_RUNNERS_BROKER_PORT: brokerPort, ...extraEnv }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.child = child;
		running.add(child);
		child.stdout?.on('data', (chunk: Buffer) => (this.logs += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (this.logs += chunk.toString()));
		child.once('exit', () => running.delete(child));
		await this.waitFor(
			async () => {
				if (child.exitCode !== null)
					throw new Error(`n8n exited with ${child.exitCode}:\n${this.logs.slice(-3000)}`);
				const response = await fetch(`${this.url}/healthz/readiness`).catch(() => undefined);
				return response?.ok === true && this.logs.includes(READY_LOG[command]);
			},
			180_000,
			`n8n ${command} to start`,
		);
		this.cookie = '';
	}

	async stop(): Promise<void> {
		const child = this.child;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
		await exited;
		clearTimeout(timer);
	}

	async waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (await check()) return;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(
			`timed out after ${timeoutMs} ms waiting for ${what}\n${this.logs.slice(-3000)}`,
		);
	}

	/** Owner account (first start) and a cookie session for the internal REST API. */
	async login(): Promise<void> {
		const setup = await fetch(`${this.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		void setup;
		const response = await fetch(`${this.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
		this.cookie = (response.headers.getSetCookie?.() ?? [])
			.map((cookie) => cookie.split(';')[0])
			.join('; ');
	}

	async rest<T = unknown>(
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; body: T }> {
		if (!this.cookie) await this.login();
		const response = await fetch(`${this.url}/rest${path}`, {
			method,
			headers: {
				cookie: this.cookie,
				'content-type': 'application/json',
				'browser-id': 'bigin-e2e',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			redirect: 'manual',
		});
		const text = await response.text();
		return { status: response.status, body: (text ? safeJson(text) : undefined) as T };
	}

	/** The public API (X-N8N-API-KEY), with a key created on first use. */
	async api<T = unknown>(
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; body: T }> {
		if (!this.apiKey) {
			const created = await this.rest<{ data: { rawApiKey: string } }>('POST', '/api-keys', {
				label: `e2e-${Date.now()}`,
				scopes: [
					'workflow:read',
					'workflow:list',
					'workflow:create',
					'workflow:update',
					'workflow:activate',
					'workflow:deactivate',
					'execution:read',
					'execution:list',
					'credential:create',
				],
				expiresAt: null,
			});
			if (created.status !== 200)
				throw new Error(
					`creating an API key failed: ${created.status} ${JSON.stringify(created.body)}`,
				);
			this.apiKey = created.body.data.rawApiKey;
		}
		const response = await fetch(`${this.url}/api/v1${path}`, {
			method,
			headers: { 'X-N8N-API-KEY': this.apiKey, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: (text ? safeJson(text) : undefined) as T };
	}
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
