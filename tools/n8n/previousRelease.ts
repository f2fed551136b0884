import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';

import { CACHE, ROOT, progress } from './paths';
import { run } from './run';

/**
 * The release users run today, which the upgrade test installs first: its version and the commit
 * it was packed from. Point it at the new release's commit when a release is tagged (README,
 * "Releasing").
 */
export const PREVIOUS_RELEASE = {
	version: '0.1.0',
	commit: '0cf70dedb27ab0cfc1697b52549e65cc51d0cefd',
};

/**
 * The previous release's tarball, made from git history without the network: `git archive` of its
 * commit, built with this checkout's node_modules, packed with `npm pack`. Kept in
 * .cache/previous-release-<version>-<commit>/ once made.
 */
export async function packPreviousRelease(): Promise<string> {
	const { version, commit } = PREVIOUS_RELEASE;
	const folder = join(CACHE, `previous-release-${version}-${commit.slice(0, 7)}`);
	const tarball = join(folder, `n8n-nodes-bigin-${version}.tgz`);
	if (existsSync(tarball)) return tarball;

	await run('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: ROOT, quiet: true }).catch(
		() => {
			throw new Error(
				`The upgrade test builds release ${version} from commit ${commit}, which this clone lacks: fetch the history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0).`,
			);
		},
	);
	progress(`Building release ${version} from commit ${commit.slice(0, 7)} (git archive)`);
	await rm(folder, { recursive: true, force: true });
	const source = join(folder, 'source');
	await mkdir(source, { recursive: true });
	const archive = join(folder, 'source.tar');
	await run('git', ['archive', '--format=tar', `--output=${archive}`, commit], {
		cwd: ROOT,
		quiet: true,
	});
	await run('tar', ['-xf', archive, '-C', source], { quiet: true });
	await symlink(join(ROOT, 'node_modules'), join(source, 'node_modules'));
	const manifest = JSON.parse(await readFile(join(source, 'package.json'), 'utf8'));
	if (manifest.version !== version)
		throw new Error(`commit ${commit} has version ${manifest.version}, not ${version}`);
	await run('npm', ['run', 'build', '--silent'], { cwd: source, quiet: true });
	await run('npm', ['pack', '--pack-destination', folder, '--loglevel=error'], {
		cwd: source,
		quiet: true,
	});
	await rm(source, { recursive: true, force: true });
	await rm(archive, { force: true });
	if (!(await readdir(folder)).includes(`n8n-nodes-bigin-${version}.tgz`))
		throw new Error(`npm pack made no n8n-nodes-bigin-${version}.tgz in ${folder}`);
	progress(`Packed release ${version}`);
	return tarball;
}
