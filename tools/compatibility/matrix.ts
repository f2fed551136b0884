import { join } from 'node:path';

import { CACHE, DEFAULT_N8N_VERSION } from '../n8n/paths';

export interface MatrixVersion {
	n8n: string;
	/** Why this version is in the matrix, for the README. */
	role: string;
	/** The whole end-to-end suite, or the compatibility scenarios only. */
	suite: 'whole' | 'compatibility';
}

/**
 * The n8n versions of `npm run test:compat`, in the order they run: each version installs while the
 * previous one's compatibility scenarios run, so the pinned one, which runs the whole end-to-end
 * suite, comes last. The others run the compatibility scenarios. The newest 1.x runs
 * on Node 20 with the legacy expression engine (as on most 1.x installs), 2.x on Node 24. The
 * newest 2.x in the registry, 2.41.3, does not install: it depends on @n8n/agents 0.26.2, which
 * the registry does not have.
 */
export const MATRIX: MatrixVersion[] = [
	{ n8n: '2.41.1', role: 'newest 2.x that installs from the registry', suite: 'compatibility' },
	{ n8n: '1.123.81', role: 'newest 1.x', suite: 'compatibility' },
	{ n8n: DEFAULT_N8N_VERSION, role: 'pinned', suite: 'whole' },
];

/**
 * The version to install while `matrix[index]` runs: the next one, beside compatibility scenarios
 * (they mostly wait on timers and have time to spare), never beside the whole suite, whose
 * timing-sensitive scenarios have not.
 */
export function installBeside(matrix: MatrixVersion[], index: number): MatrixVersion | undefined {
	return matrix[index].suite === 'compatibility' ? matrix[index + 1] : undefined;
}

/** The scenarios the matrix runs on every version but the pinned one. */
export const COMPATIBILITY_TEST = 'test/e2e/compatibility.e2e.test.ts';

/** Where the last matrix run leaves its results, and the README table is written from. */
export const RESULTS_FILE = join(CACHE, 'compatibility', 'results.json');
