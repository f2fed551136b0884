export interface ScenarioResult {
	title: string;
	status: 'passed' | 'failed' | 'skipped';
	seconds: number;
}

export interface VersionResult {
	n8n: string;
	role: string;
	suite: 'whole' | 'compatibility';
	/** The Node.js n8n ran on (`node --version`), empty when it never got that far. */
	node: string;
	engine: 'default' | 'legacy';
	/**
	 * Installing n8n: the time it took (or that it was already in .cache/), and the version whose
	 * scenarios ran meanwhile, if any.
	 */
	install: { seconds: number; cached: boolean; alongside?: string };
	/** The scenario run, jest's start and n8n's included. */
	seconds: number;
	passed: boolean;
	/** Why the version failed before or outside its scenarios (an install, jest itself). */
	error?: string;
	scenarios: ScenarioResult[];
}

export interface MatrixRun {
	finishedAt: string;
	/** The package's version and the commit it was built from (`-dirty` with uncommitted changes). */
	packageVersion: string;
	commit: string;
	versions: VersionResult[];
}

interface JestAssertion {
	title: string;
	status: string;
	duration?: number | null;
}

/** The scenarios of one run, from jest's `--json` report. */
export function scenariosFromJestReport(report: {
	testResults?: Array<{ assertionResults?: JestAssertion[] }>;
}): ScenarioResult[] {
	return (report.testResults ?? [])
		.flatMap((file) => file.assertionResults ?? [])
		.map((assertion) => ({
			title: assertion.title,
			status:
				assertion.status === 'passed' || assertion.status === 'failed'
					? assertion.status
					: 'skipped',
			seconds: Math.round((assertion.duration ?? 0) / 1000),
		}));
}
