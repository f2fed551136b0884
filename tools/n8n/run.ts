import { spawn } from 'node:child_process';

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Keep the output unless the command fails (then it is shown). */
	quiet?: boolean;
	/** Sees the output as it comes, e.g. to report progress. */
	onOutput?: (chunk: string) => void;
}

/**
 * The environment without the npm_* settings an enclosing `npm test` or `npm run` exports: they
 * would leak the project's .npmrc (ignore-scripts=true) into npm commands run elsewhere.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')),
	);
	return { ...env, ...extra };
}

/** Runs a command to completion; rejects with its output when it fails. */
export async function run(
	command: string,
	args: string[],
	options: RunOptions = {},
): Promise<string> {
	return await new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? cleanEnv(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			options.onOutput?.(chunk.toString());
			if (!options.quiet) process.stdout.write(chunk);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			options.onOutput?.(chunk.toString());
			if (!options.quiet) process.stderr.write(chunk);
		});
		child.once('error', reject);
		child.once('exit', (code) => {
			if (code === 0) resolvePromise(output);
			else
				reject(
					new Error(`${command} ${args.join(' ')} exited with ${code}\n${output.slice(-4000)}`),
				);
		});
	});
}
