import type { MatrixRun, VersionResult } from './results';

export const TABLE_START =
	'<!-- compatibility table: written by `npm run compat:readme` from the last `npm run test:compat` -->';
export const TABLE_END = '<!-- end of compatibility table -->';

function compareVersions(a: string, b: string): number {
	const [left, right] = [a, b].map((version) => version.split('.').map(Number));
	for (let index = 0; index < Math.max(left.length, right.length); index++) {
		const difference = (left[index] ?? 0) - (right[index] ?? 0);
		if (difference !== 0) return difference;
	}
	return 0;
}

/** The oldest n8n version whose scenarios all passed, if any did. */
export function oldestPassing(run: MatrixRun): string | undefined {
	return run.versions
		.filter((version) => version.passed)
		.map((version) => version.n8n)
		.sort(compareVersions)[0];
}

function result(version: VersionResult): string {
	const ran = version.scenarios.filter((scenario) => scenario.status !== 'skipped');
	const passed = ran.filter((scenario) => scenario.status === 'passed');
	const what =
		version.suite === 'whole' ? 'tests of the whole end-to-end suite' : 'compatibility scenarios';
	if (version.passed) return `passed: ${passed.length} of ${ran.length} ${what}`;
	const failed = version.scenarios
		.filter((scenario) => scenario.status === 'failed')
		.map((scenario) => `“${scenario.title}”`);
	const reasons = [version.error, failed.length > 0 && `failed ${failed.join(', ')}`].filter(
		Boolean,
	);
	return `**failed**: ${passed.length} of ${ran.length} ${what} passed${reasons.length > 0 ? `; ${reasons.join('; ')}` : ''}`;
}

function runtime(version: VersionResult): string {
	const engine =
		version.engine === 'legacy'
			? 'legacy expression engine (`N8N_EXPRESSION_ENGINE=legacy`)'
			: 'default expression engine';
	return version.node ? `Node ${version.node.replace(/^v/, '')}, ${engine}` : engine;
}

/** The README's compatibility table, newest n8n first, with the oldest version that passed. */
export function renderTable(run: MatrixRun): string {
	const oldest = oldestPassing(run);
	const rows = [...run.versions]
		.sort((a, b) => compareVersions(b.n8n, a.n8n))
		.map(
			(version) =>
				`| ${version.n8n} | ${version.role} | ${runtime(version)} | ${result(version)} |`,
		);
	return [
		TABLE_START,
		oldest
			? `Oldest n8n version that passed: **${oldest}**.`
			: 'No n8n version passed in the last matrix run.',
		'',
		`Last matrix run: ${run.finishedAt.slice(0, 10)}, package ${run.packageVersion} at commit ${run.commit}.`,
		'',
		'| n8n | In the matrix as | Runs on | Result |',
		'| --- | --- | --- | --- |',
		...rows,
		'',
		TABLE_END,
	].join('\n');
}

/** The README with its compatibility table replaced; the markers must be there already. */
export function withTable(readme: string, run: MatrixRun): string {
	const start = readme.indexOf(TABLE_START);
	const end = readme.indexOf(TABLE_END);
	if (start < 0 || end < start)
		throw new Error(`README.md has no compatibility table markers (${TABLE_START} … ${TABLE_END})`);
	return readme.slice(0, start) + renderTable(run) + readme.slice(end + TABLE_END.length);
}
