import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SimulatorServer } from './server';
import { SimulatorState } from './state';
import type { SimulatorConfig } from './types';

export { DEFAULT_CLIENT } from './state';
export type { SimulatorConfig } from './types';

export interface RunningSimulator {
	/** Base URL: accounts server and api_domain alike, e.g. http://127.0.0.1:41234 */
	url: string;
	port: number;
	state: SimulatorState;
	/** Resolves once every notification sent so far has been answered or has failed. */
	settled(): Promise<void>;
	stop(): Promise<void>;
}

export async function startSimulator(
	options: { port?: number; config?: Partial<SimulatorConfig> } = {},
): Promise<RunningSimulator> {
	const state = new SimulatorState();
	Object.assign(state.config, options.config);
	const handler = new SimulatorServer(state);
	const server = createServer((request, response) => {
		void handler.handle(request, response);
	});
	server.keepAliveTimeout = 1000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	state.baseUrl = `http://127.0.0.1:${port}`;
	const defaults = { ...state.config };
	const reset = state.reset.bind(state);
	state.reset = () => {
		reset();
		Object.assign(state.config, defaults);
	};
	return {
		url: state.baseUrl,
		port,
		state,
		settled: async () => {
			while (handler.inFlight.size > 0) await Promise.all([...handler.inFlight]);
		},
		stop: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
