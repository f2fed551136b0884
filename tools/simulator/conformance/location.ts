import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');

/**
 * The recorded exchanges live outside the repository (beside the worktrees, as
 * `../shared/reference/recorded-bigin/`); `BIGIN_RECORDINGS` points elsewhere.
 */
export function recordingsFolder(value = process.env.BIGIN_RECORDINGS): string {
	return value ? resolve(value) : resolve(ROOT, '..', 'shared', 'reference', 'recorded-bigin');
}

/** Where the derived facts live in the repository: beside the other test fixtures. */
export const FACTS_FILE = resolve(ROOT, 'test', 'support', 'recorded-bigin.facts.json');
