import { packPackage } from '../../tools/n8n/communityPackage';
import { n8nVersion, progress } from '../../tools/n8n/paths';
import { provisionN8n } from '../../tools/n8n/provision';
import { run } from '../../tools/n8n/run';
import { ROOT } from '../../tools/n8n/paths';

/** Before the end-to-end suite: n8n (and the Node it needs) installed once, the package built and packed. */
export default async function globalSetup(): Promise<void> {
	progress(`End-to-end suite against n8n ${n8nVersion()}`);
	await provisionN8n(n8nVersion());
	progress('Building the package');
	await run('npm', ['run', 'build', '--silent'], { cwd: ROOT, quiet: true });
	await packPackage();
}
