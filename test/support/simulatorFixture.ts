import type { RunningSimulator } from '../../tools/simulator';
import { startSimulator } from '../../tools/simulator';
import { simClient } from '../../tools/simulator/client';

export interface SimulatorFixture {
	sim: RunningSimulator;
	client: ReturnType<typeof simClient>;
	token: string;
}

/**
 * One simulator per test file, reset before every test with a fresh access token; `use` receives
 * the fixture each time it changes, so tests keep plain local variables.
 */
export function useSimulator(use: (fixture: SimulatorFixture) => void): void {
	const fixture = {} as SimulatorFixture;
	beforeAll(async () => {
		fixture.sim = await startSimulator();
		fixture.client = simClient(fixture.sim);
		use(fixture);
	});
	afterAll(async () => await fixture.sim.stop());
	beforeEach(async () => {
		fixture.sim.state.reset();
		fixture.token = await fixture.client.token();
		use(fixture);
	});
}
