import { join, resolve } from 'node:path';

/** The repository root, and the git-ignored cache where n8n and Node 24 are provisioned. */
export const ROOT = resolve(__dirname, '..', '..');
export const CACHE = join(ROOT, '.cache');

/** The n8n line the suite and `npm run dev` use; override with N8N_VERSION. */
export const DEFAULT_N8N_VERSION = '2.40.7';

export function n8nVersion(): string {
	return process.env.N8N_VERSION ?? DEFAULT_N8N_VERSION;
}

export function progress(message: string): void {
	process.stdout.write(`[n8n-nodes-bigin] ${message}\n`);
}
