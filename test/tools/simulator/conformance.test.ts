import { existsSync, readFileSync } from 'node:fs';

import type { RunningSimulator } from '../../../tools/simulator';
import { startSimulator } from '../../../tools/simulator';
import { deriveFacts } from '../../../tools/simulator/conformance/derive';
import type { ConformanceFacts } from '../../../tools/simulator/conformance/facts';
import { FACTS_FILE, recordingsFolder } from '../../../tools/simulator/conformance/location';
import type { Difference } from '../../support/conformance/compare';
import { checkDescending, compareShape } from '../../support/conformance/compare';
import { Replayer } from '../../support/conformance/replay';

const facts = JSON.parse(readFileSync(FACTS_FILE, 'utf8')) as ConformanceFacts;

/**
 * The only differences allowed besides data values (ids, times, names, counts, which records
 * exist): each with the recordings it concerns, where, what, and why.
 */
const ALLOWED: Array<{ recording: RegExp; path: RegExp; what: RegExp; reason: string }> = [
	{
		recording: /^(get-module-fields|search-contacts)$/,
		path: /^(fields|data\[\d+\])$/,
		what: /^(entries the recording lacks|extra keys): ((Customer_Tier|Loyalty_Points|Interests)(, |$))+$/,
		reason:
			'the simulated org has three custom Contacts fields the recorded org lacks (org data; the nodes are tested against custom fields of each type)',
	},
];

function allowed(recording: string, difference: Difference): boolean {
	return ALLOWED.some(
		(rule) =>
			rule.recording.test(recording) &&
			rule.path.test(difference.path) &&
			rule.what.test(difference.what),
	);
}

describe('the simulator answers as the recorded Bigin did (conformance)', () => {
	let sim: RunningSimulator;
	let replayer: Replayer;
	const conforming = { recordings: 0, exchanges: 0 };
	beforeAll(async () => {
		sim = await startSimulator();
		replayer = new Replayer(sim);
	});
	afterAll(async () => {
		const exchanges = facts.recordings.reduce(
			(sum, recording) => sum + recording.exchanges.length,
			0,
		);
		console.log(
			`conformance: ${conforming.recordings} of ${facts.recordings.length} recordings conform (${conforming.exchanges} of ${exchanges} recorded exchanges)`,
		);
		await sim.stop();
	});

	it('has the facts of all 39 recordings', () => {
		expect(facts.recordings).toHaveLength(39);
	});

	const folder = recordingsFolder();
	const recordingsPresent = existsSync(folder);
	if (!recordingsPresent)
		console.log(
			`conformance: the recordings folder (${folder}) is absent, so the check that the derived facts still match it is skipped; the replay below runs on the derived facts.`,
		);
	(recordingsPresent ? it : it.skip)(
		'derives from the recordings exactly the facts in the repository',
		() => {
			expect(deriveFacts(folder)).toEqual(facts);
		},
	);

	it.each(facts.recordings.map((recording) => [recording.name, recording] as const))(
		'%s',
		async (name, recording) => {
			const replayed = await replayer.replay(recording);
			const failures: string[] = [];
			let exchangesConforming = 0;
			for (const [index, exchange] of replayed.entries()) {
				const differences: Difference[] = [];
				const { facts: recorded } = exchange;
				if (exchange.status !== recorded.status)
					differences.push({
						path: '',
						what: `status ${exchange.status} where recorded ${recorded.status}`,
					});
				if (exchange.contentType !== recorded.contentType)
					differences.push({
						path: '',
						what: `content-type ${exchange.contentType} where recorded ${recorded.contentType}`,
					});
				if (recorded.body === '') {
					if (exchange.body !== undefined)
						differences.push({ path: '', what: 'a body where recorded none' });
				} else compareShape(recorded.body, exchange.body, '', differences);
				checkDescending(exchange.body, recorded.descending ?? {}, differences);
				const remaining = differences.filter((difference) => !allowed(name, difference));
				if (remaining.length === 0) exchangesConforming += 1;
				failures.push(
					...remaining.map(
						(difference) =>
							`${recorded.method} ${recorded.path} (exchange ${index}) at ${difference.path || '(answer)'}: ${difference.what}`,
					),
				);
			}
			conforming.exchanges += exchangesConforming;
			if (failures.length === 0) conforming.recordings += 1;
			expect(failures).toEqual([]);
		},
	);
});
