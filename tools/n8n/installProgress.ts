import { progress } from './paths';
import { run } from './run';
import { REPORT_EVERY_MS, elapsed } from './timings';

function megabytes(kilobytes: number): string {
	return kilobytes >= 1024 * 1024
		? `${(kilobytes / 1024 / 1024).toFixed(1)} GB`
		: `${Math.round(kilobytes / 1024)} MB`;
}

async function kilobytesIn(folder: string): Promise<number> {
	const output = await run('du', ['-sk', folder], { quiet: true }).catch(() => '0');
	return Number(output.split(/\s/)[0]) || 0;
}

/** What npm has fetched so far, read from its `--loglevel=http` lines. */
export interface FetchCount {
	/** Package documents: npm resolving versions (skipped when a lockfile says them). */
	manifests: number;
	/** Package tarballs: the packages themselves. */
	tarballs: number;
}

/**
 * Counts one chunk of npm's http log into `count`: a line is one request, `http fetch` from the
 * registry or `http cache` from npm's own cache (`name@url` for a tarball found there).
 */
export function countFetches(chunk: string, count: FetchCount): void {
	for (const line of chunk.split('\n')) {
		const fetched = /\bhttp (?:fetch GET \d{3}|cache) (\S+)/.exec(line);
		if (!fetched) continue;
		if (/\.tgz(\?|$)/.test(fetched[1])) count.tarballs++;
		else count.manifests++;
	}
}

/** One progress line: what has arrived, against what is expected when that is known. */
export function installStatus(
	count: FetchCount,
	kilobytes: number,
	expected: { packages?: number; kilobytes: number },
): string {
	const onDisk = `${megabytes(kilobytes)} of about ${megabytes(expected.kilobytes)} on disk`;
	if (count.tarballs === 0 && count.manifests > 0) {
		return `resolving versions, ${count.manifests} package documents fetched, ${onDisk}`;
	}
	if (expected.packages) {
		const share = Math.min(99, Math.round((count.tarballs / expected.packages) * 100));
		return `${count.tarballs} of ${expected.packages} packages downloaded (${share}%), ${onDisk}`;
	}
	return `${count.tarballs} packages downloaded, ${onDisk}`;
}

/**
 * Runs `npm <args>` in `folder` and, every few seconds, says what has arrived: package documents
 * while npm resolves versions, then packages downloaded (of how many, when a lockfile says) and
 * the size on disk; so that a first run never shows the same line twice for minutes.
 */
export async function npmWithProgress(
	folder: string,
	label: string,
	args: string[],
	expected: { packages?: number; kilobytes: number },
): Promise<void> {
	const started = Date.now();
	const count: FetchCount = { manifests: 0, tarballs: 0 };
	let partialLine = '';
	const onOutput = (chunk: string) => {
		const lines = (partialLine + chunk).split('\n');
		partialLine = lines.pop() ?? '';
		countFetches(lines.join('\n'), count);
	};
	let reporting = Promise.resolve();
	const timer = setInterval(() => {
		reporting = reporting.then(async () =>
			progress(
				`  ${label}: ${installStatus(count, await kilobytesIn(folder), expected)}, ${elapsed(Date.now() - started)}`,
			),
		);
	}, REPORT_EVERY_MS);
	try {
		await run('npm', [...args, '--loglevel=http'], {
			cwd: folder,
			quiet: true,
			onOutput,
		});
	} finally {
		clearInterval(timer);
		await reporting;
	}
	progress(
		`  ${label}: ${count.tarballs} packages downloaded, ${megabytes(await kilobytesIn(folder))} on disk, in ${elapsed(Date.now() - started)}`,
	);
}
