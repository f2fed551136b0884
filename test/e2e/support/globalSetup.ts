import { packPackage } from '../../../scripts/lib/communityPackage';
import { n8nVersion, progress } from '../../../scripts/lib/paths';
import { provisionN8n } from '../../../scripts/lib/provision';
import { run } from '../../../scripts/lib/run';
import { ROOT } from '../../../scripts/lib/paths';

/** Before the end-to-end suite: n8n (and the Node it needs) installed once, the package built and packed. */
export default async function globalSetup(): Promise<void> {
	progress(`End-to-end suite against n8n ${n8nVersion()}`);
	await provisionN8n(n8nVersion());
	progress('Building the package');
	await run('npm', ['run', 'build', '--silent'], { cwd: ROOT, quiet: true });
	await packPackage();
}
