import { rm } from 'node:fs/promises';

import type { RunningSimulator } from '../simulator';
import { startSimulator } from '../simulator';
import { n8nVersion } from './paths';
import { provisionN8n } from './provision';
import { QueueCluster } from './queueCluster';
import { simulatorCredential } from './simulatorCredential';
import { CREDENTIAL, triggerWorkflow, userFolderWithPackage } from './environment';

export interface QueueEnvironment {
	sim: RunningSimulator;
	cluster: QueueCluster;
	/** The production URL of a webhook on the (first) webhook processor. */
	productionUrl(webhookId: string): string;
	stop(): Promise<void>;
}

/** A simulator and an n8n queue-mode cluster with the package installed and a ready credential. */
export async function startQueueEnvironment(
	name: string,
	options: { webhookProcessors?: number; env?: Record<string, string> } = {},
): Promise<QueueEnvironment> {
	const runtime = await provisionN8n(n8nVersion());
	const userFolder = await userFolderWithPackage(name);
	const sim = await startSimulator();
	let cluster: QueueCluster | undefined;
	const stop = async () => {
		await cluster?.stop();
		await sim.stop();
		await rm(userFolder, { recursive: true, force: true });
	};
	try {
		cluster = await QueueCluster.create({ runtime, userFolder, ...options });
		await cluster.main.importCredentials([await simulatorCredential(sim.url, CREDENTIAL)]);
	} catch (error) {
		await stop();
		throw error;
	}
	const webhookProcessor = cluster.webhookProcessors[0];
	return {
		sim,
		cluster,
		productionUrl: (webhookId) => `${webhookProcessor.url}/webhook/${webhookId}/webhook`,
		stop,
	};
}

/**
 * Bigin Trigger followed by a Code node that writes the workflow's static data in every execution:
 * each execution then saves the whole static data, trigger's part included, from the copy it ran with.
 */
export function staticDataWriterWorkflow(
	id: string,
	webhookId: string,
	events: string[],
	options: Record<string, unknown> = {},
) {
	const workflow = triggerWorkflow(id, webhookId, events, options);
	return {
		...workflow,
		nodes: [
			...workflow.nodes,
			{
				id: `${id}-code`,
				name: 'Remember',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: {
					jsCode: [
						"const memory = $getWorkflowStaticData('global');",
						'memory.executions = (memory.executions ?? 0) + 1;',
						'memory.lastRecordIds = $input.all().map((item) => item.json.recordId);',
						'return $input.all().map((item) => ({ json: { ...item.json, seen: memory.executions } }));',
					].join('\n'),
				},
			},
		],
		connections: { 'Bigin Trigger': { main: [[{ node: 'Remember', type: 'main', index: 0 }]] } },
	};
}

/**
 * Where an execution ran, from the processes' own logs: the webhook processor enqueued it and the
 * worker started it (n8n records no host in the execution itself).
 */
export function executionHosts(cluster: QueueCluster, executionId: string): string[] {
	const hosts: string[] = [];
	const enqueued = `Enqueued execution ${executionId} (`;
	const started = `Worker started execution ${executionId} (`;
	if (cluster.main.logs.includes(enqueued)) hosts.push('enqueued by main');
	if (cluster.main.logs.includes(started)) hosts.push('run by main');
	cluster.webhookProcessors.forEach((processor, index) => {
		if (processor.logs.includes(enqueued)) hosts.push(`enqueued by webhook processor ${index + 1}`);
	});
	if (cluster.worker.logs.includes(started)) hosts.push('run by worker');
	return hosts;
}
