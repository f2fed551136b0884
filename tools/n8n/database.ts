import { dirname, join } from 'node:path';

import type { N8nInstance } from './n8nInstance';
import { n8nVersion } from './paths';
import { provisionN8n } from './provision';
import { run } from './run';

/**
 * Runs one statement on an n8n's database with n8n's own drivers and Node (sqlite3 is built for
 * that Node): SQLite in its user folder, or the PostgreSQL its environment names.
 */
async function execute(n8n: N8nInstance, sqlite: string, postgres: string, parameters: string[]) {
	const runtime = await provisionN8n(n8nVersion());
	const modules = dirname(dirname(dirname(runtime.n8nBin)));
	const env = n8n.env();
	const script =
		env.DB_TYPE === 'postgresdb'
			? `const { Client } = require(${JSON.stringify(join(modules, 'pg'))});
const client = new Client({ host: process.env.DB_POSTGRESDB_HOST, port: Number(process.env.DB_POSTGRESDB_PORT), database: process.env.DB_POSTGRESDB_DATABASE, user: process.env.DB_POSTGRESDB_USER });
client.connect().then(() => client.query(${JSON.stringify(postgres)}, ${JSON.stringify(parameters)})).then(() => client.end()).catch((error) => { console.error(error); process.exit(1); });`
			: `const sqlite3 = require(${JSON.stringify(join(modules, 'sqlite3'))});
const db = new sqlite3.Database(${JSON.stringify(join(String(env.N8N_USER_FOLDER), '.n8n', 'database.sqlite'))});
db.run(${JSON.stringify(sqlite)}, ${JSON.stringify(parameters)}, (error) => { if (error) { console.error(error); process.exit(1); } db.close(); });`;
	await run(runtime.node, ['-e', script], { env, quiet: true });
}

/**
 * Erases a workflow's static data, every node's part of it, as an execution that saved a copy
 * without it would. Run it while n8n is stopped: a running n8n keeps its own copy in memory.
 */
export async function eraseStaticData(n8n: N8nInstance, workflowId: string): Promise<void> {
	await execute(
		n8n,
		'UPDATE workflow_entity SET staticData = NULL WHERE id = ?',
		'UPDATE workflow_entity SET "staticData" = NULL WHERE id = $1',
		[workflowId],
	);
}
