import { progress } from './paths';
import { run } from './run';

const REPORT_EVERY_MS = 15_000;

function megabytes(kilobytes: number): string {
	return kilobytes >= 1024 * 1024
		? `${(kilobytes / 1024 / 1024).toFixed(1)} GB`
		: `${Math.round(kilobytes / 1024)} MB`;
}

function elapsed(since: number): string {
	const seconds = Math.round((Date.now() - since) / 1000);
	return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`;
}

async function kilobytesIn(folder: string): Promise<number> {
	const output = await run('du', ['-sk', folder], { quiet: true }).catch(() => '0');
	return Number(output.split(/\s/)[0]) || 0;
}

/**
 * Runs a long npm install and, every 15 seconds, says how much has arrived in its folder so far
 * (against the expected size on disk), so that a first run is never minutes of silence.
 */
export async function withInstallProgress<T>(
	folder: string,
	label: string,
	expectedKilobytes: number,
	install: () => Promise<T>,
): Promise<T> {
	const started = Date.now();
	let reporting = Promise.resolve();
	const timer = setInterval(() => {
		reporting = reporting.then(async () => {
			const size = await kilobytesIn(folder);
			const share = Math.min(99, Math.round((size / expectedKilobytes) * 100));
			progress(
				`  ${label}: ${megabytes(size)} of about ${megabytes(expectedKilobytes)} (${share}%) after ${elapsed(started)}`,
			);
		});
	}, REPORT_EVERY_MS);
	try {
		return await install();
	} finally {
		clearInterval(timer);
		await reporting;
		progress(`  ${label}: ${megabytes(await kilobytesIn(folder))} in ${elapsed(started)}`);
	}
}
