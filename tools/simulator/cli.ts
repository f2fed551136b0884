import { startSimulator } from './index';

function option(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
	const simulator = await startSimulator({
		port: Number(option('port') ?? 0),
		config: {
			expiryCapSeconds: Number(option('expiry-cap') ?? 0),
			consentPage: process.argv.includes('--consent-page'),
		},
	});
	console.log(simulator.url);
	console.log(
		`Bigin simulator: open ${simulator.url}/ to watch channels and change records. Ctrl-C stops it.`,
	);
	const stop = () => void simulator.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
