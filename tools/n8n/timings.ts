import { progress } from './paths';

/** How often a long step says where it is: a first run must never look stuck. */
export const REPORT_EVERY_MS = 5_000;

export function elapsed(ms: number): string {
	const seconds = Math.round(ms / 1000);
	return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`;
}

const finished: Array<{ label: string; ms: number }> = [];
let firstStarted: number | undefined;

/**
 * Runs one step of a first run and records how long it took. A step that reports nothing of its
 * own (`quiet`) gets a line every few seconds with the time so far.
 */
export async function timedStep<T>(
	label: string,
	run: () => Promise<T>,
	options: { quiet?: boolean } = {},
): Promise<T> {
	const started = Date.now();
	firstStarted ??= started;
	const timer = options.quiet
		? setInterval(() => progress(`  ${label}: ${elapsed(Date.now() - started)}`), REPORT_EVERY_MS)
		: undefined;
	try {
		return await run();
	} finally {
		clearInterval(timer);
		finished.push({ label, ms: Date.now() - started });
	}
}

/**
 * The steps run so far in this process and the time each took, longest first, then the wall
 * clock since the first began (steps may overlap).
 */
export function stepTimings(): string[] {
	const total = firstStarted === undefined ? 0 : Date.now() - firstStarted;
	return [
		...[...finished]
			.sort((a, b) => b.ms - a.ms)
			.map((step) => `${elapsed(step.ms).padStart(12)}  ${step.label}`),
		`${elapsed(total).padStart(12)}  in all`,
	];
}
