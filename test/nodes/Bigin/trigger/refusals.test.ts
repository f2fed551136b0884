import type { IDataObject } from 'n8n-workflow';

import { SINGLE_READINGS } from '../../../../tools/simulator/readings';
import { TriggerHarness } from '../../../support/triggerHarness';
import type { LoggedLine } from '../../../../tools/contexts/nodeHarness';
import { PERSISTENT_REFUSAL_MS } from '../../../../nodes/Bigin/trigger/refusals';

const MINUTE = 60 * 1000;

/** Refusals do not depend on how Bigin reads its undocumented cases: once, under the default reading. */
describe('Bigin Trigger refusals: visible when they are Bigin calls, quiet when they are not', () => {
	const h = new TriggerHarness(SINGLE_READINGS[0]);
	const { methods } = h;
	const refusedLines = (): LoggedLine[] =>
		h.log.filter(
			(line) => line.level === 'warn' && line.message.includes('refused a notification'),
		);

	/** A record change in Bigin, delivered; what the webhook answered. */
	async function change(name: string): Promise<number> {
		const from = h.receiver.statuses.length;
		await h.client.control('POST', 'records/Contacts', { Last_Name: name });
		await h.sim.settled();
		return h.receiver.statuses[from];
	}

	it('after the Client Secret changed: a warning a minute naming the cause and the fix, and once they persist, one failed execution', async () => {
		await h.activate();
		h.credentials.clientSecret = 'a-new-client-secret';

		expect(await change('First refused')).toBe(401);
		expect(await change('Second refused')).toBe(401);
		expect(refusedLines()).toHaveLength(1);
		expect(refusedLines()[0].message).toContain('token mismatch');
		expect(refusedLines()[0].message).toContain("credential's Client Secret was changed");
		expect(refusedLines()[0].message).toContain('Re-publish the workflow');
		expect(refusedLines()[0].meta).toMatchObject({ channelId: h.stored().channelId });

		h.travel(MINUTE + 1000);
		expect(await change('A minute later')).toBe(401);
		expect(refusedLines()).toHaveLength(2);
		expect(refusedLines()[1].meta).toMatchObject({ moreSinceTheLastLine: 1, refusedCalls: 3 });
		expect(h.failedExecutions).toEqual([]);

		h.travel(PERSISTENT_REFUSAL_MS);
		expect(await change('Five minutes on')).toBe(401);
		h.travel(MINUTE);
		expect(await change('Six minutes on')).toBe(401);
		expect(h.failedExecutions).toHaveLength(1);
		const [failure] = h.failedExecutions as Array<Error & { description?: string }>;
		expect(failure.message).toContain('refused (token mismatch)');
		expect(failure.description).toContain('Client Secret');
		expect(failure.description).toContain('Re-publish the workflow');
		expect(h.executions).toEqual([]);
		expect(JSON.stringify(h.log)).not.toContain(h.tokenOf());

		// Re-publishing registers the channel with the new secret's token: notifications flow again.
		expect(await methods.checkExists.call(h.hook())).toBe(false);
		await methods.create.call(h.hook());
		expect(await change('After re-publishing')).toBe(200);
		expect(h.executions).toHaveLength(1);
	});

	it('reads the Client Secret once per process, and again when a call naming the channel carries another token: a changed secret never refuses forever', async () => {
		h.parameters.options = { fetchRecords: false };
		await h.activate();
		await change('Remembered');
		h.recorder.credentialReads = 0;
		await change('Still remembered');
		expect(h.recorder.credentialReads).toBe(0);

		// The secret changes in n8n and the channel is re-registered from another process.
		h.credentials.clientSecret = 'a-new-client-secret';
		await methods.create.call(h.hook({ staticData: {} }));
		h.recorder.credentialReads = 0;
		expect(await change('New token')).toBe(200);
		expect(h.recorder.credentialReads).toBe(1);
		expect(h.executions).toHaveLength(3);
		expect(refusedLines()).toEqual([]);
	});

	it("a webhook processor whose webhook URL differs from the main's verifies against the stored channel and warns; without it, the refusal names WEBHOOK_URL", async () => {
		await h.activate();
		const otherUrl = { webhookUrl: 'http://localhost:5678/webhook/0b0f5a2e/webhook' };
		const body = await h.genuineBody();
		expect((await h.handleCall(body, h.staticData, otherUrl)).status).toBe(200);
		expect(h.log).toContainEqual(
			expect.objectContaining({ level: 'warn', message: expect.stringContaining('WEBHOOK_URL') }),
		);

		const erased: IDataObject = {};
		const reply = await h.handleCall({ ...body, server_time: 1 }, erased, otherUrl);
		expect(reply.status).toBe(401);
		expect(refusedLines()).toHaveLength(1);
		expect(refusedLines()[0].message).toContain('stale channel');
		expect(refusedLines()[0].message).toContain('WEBHOOK_URL');
	});

	it('stays quiet about forged calls with channel ids of its own making, for as long as they come, and starts nothing', async () => {
		await h.activate();
		const body = await h.genuineBody();
		for (let call = 0; call < 20; call++) {
			const forged = {
				...body,
				channel_id: String(100000000000000 + call),
				token: `guess-${call}`,
			};
			expect((await h.handleCall(forged)).status).toBe(401);
			h.travel(PERSISTENT_REFUSAL_MS / 4);
		}
		expect(refusedLines()).toEqual([]);
		expect(h.failedExecutions).toEqual([]);
		expect(h.executions).toEqual([]);
	});

	it('shows no failed execution while listening for a test event', async () => {
		h.credentials.clientSecret = 'the-secret-at-activation';
		const testUrl = `${h.receiver.url}-test`;
		const testData: IDataObject = {};
		await methods.create.call(
			h.hook({ staticData: testData, mode: 'manual', webhookUrl: testUrl }),
		);
		h.credentials.clientSecret = 'a-new-client-secret';
		const body = {
			...(await h.genuineBody(testData)),
			token: 'from-the-old-secret',
		};
		const manual = { mode: 'manual' as const, webhookUrl: testUrl };
		for (let call = 0; call < 3; call++) {
			expect((await h.handleCall({ ...body, server_time: call }, testData, manual)).status).toBe(
				401,
			);
			h.travel(PERSISTENT_REFUSAL_MS);
		}
		expect(h.failedExecutions).toEqual([]);
	});
});
