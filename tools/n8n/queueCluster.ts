import { N8nInstance, freePort } from './n8nInstance';
import type { Runtime } from './provision';
import type { RunningPostgres, RunningService } from './queueServices';
import { ensureQueueServices, startPostgres, startRedis } from './queueServices';

export interface QueueClusterOptions {
	runtime: Runtime;
	/** Shared by every process: the package is installed once, in its .n8n/nodes. */
	userFolder: string;
	/** How many `n8n webhook` processors (default 1); production webhook URLs point at the first. */
	webhookProcessors?: number;
	env?: Record<string, string>;
}

/**
 * n8n in queue mode on one machine: PostgreSQL and Redis, one main that serves the editor and the
 * API but no production webhooks, one `n8n worker`, and `n8n webhook` processors, every process
 * with the same user folder, encryption key and database.
 */
export class QueueCluster {
	private constructor(
		readonly main: N8nInstance,
		readonly worker: N8nInstance,
		readonly webhookProcessors: N8nInstance[],
		private readonly services: RunningService[],
	) {}

	/** Every process of the cluster while it runs: n8n's, PostgreSQL's and Redis's. */
	get pids(): number[] {
		return [this.main, this.worker, ...this.webhookProcessors, ...this.services]
			.map((process) => process.pid)
			.filter((pid): pid is number => pid !== undefined);
	}

	/** The processes' logs, labelled, for diagnostics. */
	get logs(): string {
		return [
			['main', this.main],
			['worker', this.worker],
			...this.webhookProcessors.map((instance, index) => [`webhook ${index + 1}`, instance]),
		]
			.map(
				([label, instance]) => `--- ${label} ---\n${(instance as N8nInstance).logs.slice(-3000)}`,
			)
			.join('\n');
	}

	/** Starts PostgreSQL and Redis and prepares the n8n processes (not started yet: import first). */
	static async create(options: QueueClusterOptions): Promise<QueueCluster> {
		const { postgresBin, redisServer } = await ensureQueueServices();
		const services: RunningService[] = [];
		try {
			const postgres: RunningPostgres = await startPostgres(postgresBin);
			services.push(postgres);
			const redis = await startRedis(redisServer);
			services.push(redis);
			const shared = {
				...postgres.env,
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
				...options.env,
			};
			const webhookPorts = await Promise.all(
				Array.from({ length: options.webhookProcessors ?? 1 }, async () => await freePort()),
			);
			const webhookUrl = `http://127.0.0.1:${webhookPorts[0]}/`;
			const instance = async (
				command: 'start' | 'worker' | 'webhook',
				env: Record<string, string>,
				port?: number,
			) =>
				new N8nInstance({
					runtime: options.runtime,
					userFolder: options.userFolder,
					command,
					port: port ?? (await freePort()),
					webhookUrl,
					env: { ...shared, ...env },
				});
			const workerPort = await freePort();
			return new QueueCluster(
				await instance('start', { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' }),
				await instance(
					'worker',
					{
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(workerPort),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					},
					workerPort,
				),
				await Promise.all(webhookPorts.map(async (port) => await instance('webhook', {}, port))),
				services,
			);
		} catch (error) {
			for (const service of services.reverse()) await service.stop();
			throw error;
		}
	}

	/** The main first (it migrates the database), then the worker and webhook processors together. */
	async start(env: Record<string, string> = {}): Promise<void> {
		await this.main.start(env);
		await Promise.all(
			[this.worker, ...this.webhookProcessors].map(async (n8n) => await n8n.start(env)),
		);
	}

	/** Every n8n process; PostgreSQL and Redis keep running. */
	async stopProcesses(): Promise<void> {
		await Promise.all(
			[this.main, this.worker, ...this.webhookProcessors].map(async (n8n) => await n8n.stop()),
		);
	}

	/** Every n8n process, then Redis and PostgreSQL (their data folders are deleted). */
	async stop(): Promise<void> {
		await this.stopProcesses();
		for (const service of [...this.services].reverse()) await service.stop();
	}
}
