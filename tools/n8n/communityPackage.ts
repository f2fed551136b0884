import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { CACHE, ROOT, progress } from './paths';
import { run } from './run';

const PACKAGE_NAME = 'n8n-nodes-bigin';

/** Packs the built package exactly as it would be published. */
export async function packPackage(): Promise<string> {
	const folder = join(CACHE, 'pack');
	await rm(folder, { recursive: true, force: true });
	await mkdir(folder, { recursive: true });
	await run('npm', ['pack', '--pack-destination', folder, '--loglevel=error'], {
		cwd: ROOT,
		quiet: true,
	});
	const [tarball] = (await readdir(folder)).filter((file) => file.endsWith('.tgz'));
	progress(`Packed ${tarball}`);
	return join(folder, tarball);
}

/**
 * Installs the tarball into <userFolder>/.n8n/nodes the way n8n's Community Nodes installer does:
 * unpack, drop dev/peer/optional dependencies, npm install what is left (nothing: the package has
 * no runtime dependencies), record it in the folder's package.json. n8n-workflow and luxon then
 * come from n8n itself, as for every user.
 */
export async function installCommunityPackage(userFolder: string, tarball: string): Promise<void> {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	const packageFolder = join(nodesFolder, 'node_modules', PACKAGE_NAME);
	await rm(packageFolder, { recursive: true, force: true });
	await mkdir(packageFolder, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', packageFolder, '--strip-components=1'], { quiet: true });
	const manifestPath = join(packageFolder, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		await readFile(manifestPath, 'utf8'),
	);
	void devDependencies;
	void peerDependencies;
	void optionalDependencies;
	await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
	await run(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: packageFolder, quiet: true },
	);
	await writeFile(
		join(nodesFolder, 'package.json'),
		JSON.stringify(
			{
				name: 'installed-nodes',
				private: true,
				dependencies: { [PACKAGE_NAME]: manifest.version },
			},
			null,
			2,
		),
	);
}
