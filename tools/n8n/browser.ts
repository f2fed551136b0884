import { existsSync } from 'node:fs';

import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

import { progress } from './paths';
import { cleanEnv, run } from './run';

/** Debian's Chromium: the one browser the registry-and-apt-only machines here can install. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const INSTALL_COMMAND = 'apt-get install -y chromium';

/**
 * Flags for a quiet headless Chromium: without the background-networking ones it keeps calling
 * Google services, which a closed network answers with endless retries.
 */
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

function isRoot(): boolean {
	return process.getuid?.() === 0;
}

/**
 * Chromium for the browser suite: used when present, installed from Debian's packages when this
 * process may (root with apt-get, as in CI), otherwise a clear error naming the one command to run.
 */
export async function ensureChromium(): Promise<string> {
	if (existsSync(CHROMIUM)) return CHROMIUM;
	if (!isRoot() || !existsSync('/usr/bin/apt-get')) {
		throw new Error(
			`The browser suite needs Chromium at ${CHROMIUM}. Install it once with: sudo ${INSTALL_COMMAND} (or set CHROMIUM_PATH to a Chromium binary)`,
		);
	}
	const started = Date.now();
	progress(`Chromium is missing: installing Debian's chromium package (${INSTALL_COMMAND})`);
	const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' });
	await run('apt-get', ['update'], { env, quiet: true });
	await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
		env,
		quiet: true,
	});
	if (!existsSync(CHROMIUM))
		throw new Error(`apt-get installed chromium, but ${CHROMIUM} is still missing`);
	progress(`Chromium installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return CHROMIUM;
}

/** A headless Chromium with a fresh profile of its own (playwright makes a new user data folder). */
export async function launchChromium(): Promise<Browser> {
	return await chromium.launch({
		executablePath: await ensureChromium(),
		headless: true,
		args: CHROMIUM_ARGS,
	});
}
