import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import type { RunningSimulator, SimulatorConfig } from '../simulator';
import { startSimulator } from '../simulator';
import { installCommunityPackage } from './communityPackage';
import { N8nInstance, freePort } from './n8nInstance';
import { CACHE, n8nVersion } from './paths';
import { provisionN8n } from './provision';
import { simulatorCredential } from './simulatorCredential';

export const CREDENTIAL = { id: 'biginSimCredential1', name: 'Bigin (local simulator)' };

export interface E2eEnvironment {
	sim: RunningSimulator;
	n8n: N8nInstance;
	userFolder: string;
	stop(): Promise<void>;
}

/** The package as the end-to-end suite's global setup packed it, in .cache/pack. */
export async function packedTarball(): Promise<string> {
	const packFolder = join(CACHE, 'pack');
	const [tarball] = (await readdir(packFolder)).filter((file) => file.endsWith('.tgz'));
	return join(packFolder, tarball);
}

/**
 * A fresh n8n user folder under .cache/e2e with a package tarball (the packed package unless told
 * otherwise) installed as Community Nodes would.
 */
export async function userFolderWithPackage(name: string, tarball?: string): Promise<string> {
	const userFolder = join(CACHE, 'e2e', `${name}-${process.pid}`);
	await rm(userFolder, { recursive: true, force: true });
	await mkdir(userFolder, { recursive: true });
	await installCommunityPackage(userFolder, tarball ?? (await packedTarball()));
	return userFolder;
}

/**
 * A fresh n8n user folder with the packed package (or `tarball`) installed, a simulator (under the
 * given reading of Bigin's undocumented behaviour, default otherwise), and a ready credential.
 */
export async function startEnvironment(
	name: string,
	simConfig: Partial<SimulatorConfig> = {},
	tarball?: string,
): Promise<E2eEnvironment> {
	const runtime = await provisionN8n(n8nVersion());
	const userFolder = await userFolderWithPackage(name, tarball);

	const sim = await startSimulator({ config: simConfig });
	const n8n = new N8nInstance({ runtime, userFolder, port: await freePort() });
	try {
		await n8n.importCredentials([await simulatorCredential(sim.url, CREDENTIAL)]);
	} catch (error) {
		await sim.stop();
		throw error;
	}
	return {
		sim,
		n8n,
		userFolder,
		stop: async () => {
			await n8n.stop();
			await sim.stop();
			await rm(userFolder, { recursive: true, force: true });
		},
	};
}

export const credentials = { biginOAuth2Api: CREDENTIAL };

/** A workflow with one Bigin Trigger. Ids stay within 16 characters: n8n 1.x keeps no static data for longer ones. */
export function triggerWorkflow(
	id: string,
	webhookId: string,
	events: string[],
	options: Record<string, unknown> = {},
) {
	return {
		id,
		name: `Bigin Trigger e2e ${id}`,
		active: false,
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Bigin Trigger',
				type: 'n8n-nodes-bigin.biginTrigger',
				typeVersion: 1.1,
				position: [0, 0],
				webhookId,
				parameters: { events, options },
				credentials,
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

export interface Execution {
	id: string;
	mode: string;
	status: string;
	data?: {
		resultData: {
			runData: Record<
				string,
				Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>
			>;
		};
	};
}

/** Executions of a workflow through n8n's public API, newest first, with their data. */
export async function executionsOf(n8n: N8nInstance, workflowId: string): Promise<Execution[]> {
	const response = await n8n.api<{ data: Execution[] }>(
		'GET',
		`/executions?workflowId=${workflowId}&includeData=true&limit=100`,
	);
	if (response.status !== 200)
		throw new Error(
			`listing executions failed: ${response.status} ${JSON.stringify(response.body)}`,
		);
	return response.body.data;
}

export function nodeOutput(execution: Execution, nodeName: string): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[nodeName] ?? [];
	return runs.flatMap((run) => run.data?.main[0] ?? []).map((item) => item.json);
}

export async function eventually<T>(
	check: () => Promise<T | undefined | false>,
	timeoutMs: number,
	what: string,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	while (Date.now() < deadline) {
		try {
			const value = await check();
			if (value) return value;
		} catch (error) {
			last = error;
		}
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export const scenario = (text: string): void => {
	process.stdout.write(`  e2e: ${text}\n`);
};
