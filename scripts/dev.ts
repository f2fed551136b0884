import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { startSimulator } from '../tools/simulator';
import { installCommunityPackage, packPackage } from '../tools/n8n/communityPackage';
import { N8nInstance, OWNER } from '../tools/n8n/n8nInstance';
import { CACHE, n8nVersion, progress } from '../tools/n8n/paths';
import { provisionN8n } from '../tools/n8n/provision';
import { simulatorCredential } from '../tools/n8n/simulatorCredential';
import { stepTimings, timedStep } from '../tools/n8n/timings';

/**
 * `npm run dev`: the package, packed and installed like a community package, in a local n8n on
 * http://127.0.0.1:5678, wired to the Bigin simulator with a demo workflow. `--real-bigin` (or
 * BIGIN_DEV_REAL=1) leaves the simulator out so that a real Bigin account can be connected.
 */
const DEMO_WORKFLOW = 'biginDemo';
const DEMO_CREDENTIAL = { id: 'biginDevSimulator', name: 'Bigin (local simulator)' };
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SIMULATOR_PORT = Number(process.env.BIGIN_SIMULATOR_PORT ?? 5690);
const useSimulator = !process.argv.includes('--real-bigin') && process.env.BIGIN_DEV_REAL !== '1';
/** The machine's zone, so that times typed in the editor mean what the user's clock says. */
const TIME_ZONE = process.env.GENERIC_TIMEZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

function demoWorkflow() {
	return {
		id: DEMO_WORKFLOW,
		name: 'Bigin demo: new and changed records',
		active: false,
		nodes: [
			{
				id: 'demo-trigger',
				name: 'Bigin Trigger',
				type: 'n8n-nodes-bigin.biginTrigger',
				typeVersion: 1.1,
				position: [0, 0],
				webhookId: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
				parameters: { events: ['Contacts.all', 'Accounts.all', 'Pipelines.all'], options: {} },
				credentials: { biginOAuth2Api: DEMO_CREDENTIAL },
			},
			{
				id: 'demo-summary',
				name: 'What Happened',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [260, 0],
				parameters: {
					assignments: {
						assignments: [
							{
								id: 'a1',
								name: 'summary',
								type: 'string',
								value: '={{ $json.event }} on record {{ $json.recordId }}',
							},
						],
					},
					includeOtherFields: true,
					options: {},
				},
			},
		],
		connections: {
			'Bigin Trigger': { main: [[{ node: 'What Happened', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

async function main(): Promise<void> {
	const runtime = await provisionN8n(n8nVersion());
	const userFolder = join(CACHE, 'dev');
	await mkdir(userFolder, { recursive: true });
	progress('Installing the package into the local n8n, as Community Nodes would');
	await timedStep('packing and installing the package', async () =>
		installCommunityPackage(userFolder, await packPackage()),
	);

	// n8n writes its own log there as well as to the console this script keeps quiet.
	const logFile = join(userFolder, 'n8n.log');
	await rm(logFile, { force: true });
	const n8n = new N8nInstance({
		runtime,
		userFolder,
		port: N8N_PORT,
		webhookUrl: process.env.WEBHOOK_URL,
		env: {
			GENERIC_TIMEZONE: TIME_ZONE,
			N8N_LOG_OUTPUT: 'console,file',
			N8N_LOG_FILE_LOCATION: logFile,
		},
	});
	const simulator = useSimulator ? await startSimulator({ port: SIMULATOR_PORT }) : undefined;
	if (simulator) {
		progress(`Bigin simulator listening on ${simulator.url}`);
		// Each import is one run of n8n's CLI (the first also creates n8n's database).
		progress('Importing the "Bigin (local simulator)" credential and the demo workflow');
		const credential = await simulatorCredential(simulator.url, DEMO_CREDENTIAL);
		await timedStep('importing the demo credential', () => n8n.importCredentials([credential]), {
			quiet: true,
		});
		await timedStep('importing the demo workflow', () => n8n.importWorkflow(demoWorkflow()), {
			quiet: true,
		});
		await timedStep('publishing the demo workflow', () => n8n.publish(DEMO_WORKFLOW), {
			quiet: true,
		});
	}

	progress(`Starting n8n ${runtime.n8nVersion} on ${n8n.url} (time zone ${TIME_ZONE})`);
	await timedStep(
		'starting n8n',
		async () => {
			await n8n.start();
			await n8n.login();
		},
		{ quiet: true },
	);

	const lines = [
		'',
		`  n8n editor        ${n8n.url}   (sign in as ${OWNER.email} / ${OWNER.password})`,
		`  n8n log           ${logFile}   (follow it with: tail -f ${logFile})`,
	];
	if (simulator) {
		lines.push(
			`  demo workflow     ${n8n.url}/workflow/${DEMO_WORKFLOW}   (published: its Bigin channel is live)`,
			`  Bigin simulator   ${simulator.url}/   <- click "Create Contact" here, then open the workflow's Executions tab`,
		);
	} else {
		lines.push(
			'  No simulator: add a "Bigin OAuth2 API" credential for your real Bigin account in the editor.',
			'  Bigin must reach n8n: start with WEBHOOK_URL=https://<your public tunnel>/ npm run dev -- --real-bigin',
		);
	}
	lines.push('', '  Time each step took:', ...stepTimings().map((line) => `  ${line}`));
	lines.push('', '  Ctrl-C stops everything.', '');
	process.stdout.write(`${lines.join('\n')}\n`);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		progress('Stopping n8n and the simulator');
		await n8n.stop();
		await simulator?.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
