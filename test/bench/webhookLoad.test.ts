import type { LoadResult } from '../../bench/load';
import {
	CREDENTIALED_WEBHOOK_LABEL,
	REPLAY_OFF_LABEL,
	engineFigures,
	loadTargets,
} from '../../bench/webhookLoad';

const urls = {
	bigin: 'http://127.0.0.1:1/bigin',
	webhook: 'http://127.0.0.1:1/webhook',
	credentialedWebhook: 'http://127.0.0.1:1/credentialed',
	github: 'http://127.0.0.1:1/github',
};
const replayOff = { url: 'http://127.0.0.1:1/replay-off', body: '{}' };

const result = (requestsPerSecond: number): LoadResult => ({
	requests: requestsPerSecond * 6,
	requestsPerSecond,
	p50: 5,
	p99: 10,
	statuses: { '200': requestsPerSecond * 6 },
});

describe('loadTargets', () => {
	it('compares Bigin Trigger with GitHub Trigger under the default engine, the Webhook node for reference', () => {
		const labels = loadTargets('vm', urls, '{}', 'secret', replayOff).map(({ label }) => label);
		expect(labels).toEqual(['Bigin Trigger', 'GitHub Trigger', 'Webhook node']);
	});

	it('under the legacy engine runs the bare Webhook node, the one holding a credential, and Bigin Trigger without replay protection', () => {
		const labels = loadTargets('legacy', urls, '{}', 'secret', replayOff).map(({ label }) => label);
		expect(labels).toEqual([
			'Bigin Trigger',
			'Webhook node',
			CREDENTIALED_WEBHOOK_LABEL,
			REPLAY_OFF_LABEL,
		]);
	});
});

describe('engineFigures', () => {
	const labels = ['Bigin Trigger', 'Webhook node', CREDENTIALED_WEBHOOK_LABEL, REPLAY_OFF_LABEL];
	const figures = engineFigures(
		'legacy',
		{ labels, results: [[result(90)], [result(100)], [result(90)], [result(95)]] },
		'',
	);
	const named = (start: string) => figures.filter(({ name }) => name.startsWith(start));

	it('holds Bigin Trigger to its target against the bare Webhook node only', () => {
		const throughput = named('Throughput ratio');
		expect(throughput.map(({ target }) => target)).toEqual([
			'≥ 0.95',
			undefined,
			undefined,
			undefined,
		]);
		expect(throughput[0]).toMatchObject({ value: expect.stringMatching(/^0\.900/), met: false });
	});

	it("shows what n8n's credential check costs: the credentialed Webhook node against the bare one", () => {
		const check = named(`Throughput ratio, ${CREDENTIALED_WEBHOOK_LABEL} / bare Webhook node`);
		expect(check).toHaveLength(1);
		expect(check[0].value).toMatch(/^0\.900/);
	});

	it('shows the cost of replay protection, on against off', () => {
		const protection = named('Throughput ratio, Bigin Trigger with replay protection / without it');
		expect(protection[0].value).toMatch(/^0\.947/);
	});
});
