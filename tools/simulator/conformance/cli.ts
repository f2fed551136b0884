import { existsSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { format, resolveConfig } from 'prettier';

import { deriveFacts } from './derive';
import { FACTS_FILE, recordingsFolder } from './location';

/** `npm run recordings:derive`: rewrites the facts file from the recordings folder. */
async function main(): Promise<void> {
	const folder = recordingsFolder(process.argv[2]);
	if (!existsSync(folder)) {
		console.error(`No recordings at ${folder}: pass the folder, or set BIGIN_RECORDINGS.`);
		process.exitCode = 1;
		return;
	}
	const facts = deriveFacts(folder);
	const options = { ...(await resolveConfig(FACTS_FILE)), parser: 'json' };
	writeFileSync(FACTS_FILE, await format(JSON.stringify(facts), options));
	const exchanges = facts.recordings.reduce(
		(sum, recording) => sum + recording.exchanges.length,
		0,
	);
	console.log(
		`${relative(process.cwd(), FACTS_FILE)}: ${facts.recordings.length} recordings, ${exchanges} exchanges`,
	);
}

void main();
