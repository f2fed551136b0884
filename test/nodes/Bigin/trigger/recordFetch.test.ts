import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { executeContext } from '../../../../tools/contexts/contexts';
import { deduplicationStore } from '../../../../tools/contexts/deduplication';
import type { LoggedLine } from '../../../../tools/contexts/nodeHarness';
import { simulatorCredentials, testNode } from '../../../../tools/contexts/nodeHarness';
import type { SimulatorFixture } from '../../../support/simulatorFixture';
import { useSimulator } from '../../../support/simulatorFixture';
import { ALL_READINGS } from '../../../../tools/simulator/readings';
import { notificationItems } from '../../../../nodes/Bigin/trigger/notificationItems';
import {
	MAX_RECORDS_READ,
	RECORD_FETCH_CONCURRENCY,
	addRecords,
} from '../../../../nodes/Bigin/trigger/recordFetch';

const node = testNode('biginTrigger');

interface RequestLogEntry {
	method: string;
	path: string;
	query: Record<string, string>;
	status: number;
}

describe('Bigin Trigger record fetching against the simulator', () => {
	let fixture: SimulatorFixture;
	useSimulator((f) => (fixture = f));
	let log: LoggedLine[];

	beforeEach(() => {
		log = [];
	});

	async function createContacts(count: number): Promise<string[]> {
		const ids: string[] = [];
		for (let start = 0; start < count; start += 100) {
			const batch = Array.from({ length: Math.min(100, count - start) }, (_, i) => ({
				Last_Name: `Contact ${start + i}`,
				Loyalty_Points: start + i,
			}));
			const created = await fixture.client.control('POST', 'records/Contacts', { data: batch });
			ids.push(...created.data.map((entry: { details: { id: string } }) => entry.details.id));
		}
		return ids;
	}

	function itemsFor(ids: string[], operation = 'update'): INodeExecutionData[] {
		return notificationItems({
			server_time: Date.now(),
			module: 'Contacts',
			ids,
			operation,
			channel_id: '4711',
		}).map((json) => ({ json }));
	}

	async function execute(
		input: INodeExecutionData[],
		options: { scope?: string; parameters?: IDataObject; helpers?: IDataObject } = {},
	): Promise<IDataObject[]> {
		const context = executeContext({
			node,
			credentials: await simulatorCredentials(fixture.sim, options.scope),
			parameters: options.parameters ?? { options: {} },
			input,
			log,
		});
		Object.assign(context.helpers, options.helpers ?? {});
		return (await addRecords.call(context))[0].map((item) => item.json);
	}

	const requests = async (): Promise<RequestLogEntry[]> =>
		(await fixture.client.control('GET', 'requests')).requests;
	const recordReads = async () =>
		(await requests()).filter((entry) => /\/bigin\/v2\/Contacts\/\d+$/.test(entry.path));

	it('delivers every record through a burst of 429s, waiting as Retry-After says', async () => {
		const ids = await createContacts(20);
		await fixture.client.control('POST', 'faults', {
			path: '/bigin/v2/Contacts/',
			kind: 429,
			count: 12,
			retryAfterSeconds: 1,
		});
		const startedAt = Date.now();
		const output = await execute(itemsFor(ids));
		expect(output.map((item) => item.recordFound)).toEqual(ids.map(() => true));
		expect(output.map((item) => (item.record as IDataObject).id)).toEqual(ids);
		const statuses = (await recordReads()).map((entry) => entry.status);
		expect(statuses.filter((status) => status === 429)).toHaveLength(12);
		expect(statuses.filter((status) => status === 200)).toHaveLength(20);
		expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
	});

	it('outputs the item with the error, instead of failing the execution, when a read still fails', async () => {
		const ids = await createContacts(3);
		await fixture.client.control('POST', 'faults', {
			path: `/bigin/v2/Contacts/${ids[1]}`,
			kind: 429,
			count: 1,
			retryAfterSeconds: 3600,
		});
		const output = await execute(itemsFor(ids));
		expect(output[0]).toMatchObject({ recordFound: true });
		expect(output[1]).toMatchObject({
			module: 'Contacts',
			recordId: ids[1],
			operation: 'edit',
			recordFound: false,
			record: null,
			error: { code: 'TOO_MANY_REQUESTS', httpCode: 429 },
		});
		expect(String((output[1].error as IDataObject).message)).toContain('TOO_MANY_REQUESTS');
		expect(output[2]).toMatchObject({ recordFound: true });
		expect(
			log.some((line) => line.level === 'warn' && line.message.includes('could not be read')),
		).toBe(true);
	});

	it("names Bigin's code when the credential may not read the module", async () => {
		const [id] = await createContacts(1);
		const output = await execute(itemsFor([id]), { scope: 'ZohoBigin.notifications.ALL' });
		expect(output[0]).toMatchObject({
			recordFound: false,
			record: null,
			error: { code: 'OAUTH_SCOPE_MISMATCH', httpCode: 401 },
		});
	});

	it(`reads the first ${MAX_RECORDS_READ} records of a notification and outputs the others unread`, async () => {
		const ids = await createContacts(MAX_RECORDS_READ + 5);
		const output = await execute(itemsFor(ids));
		expect(output).toHaveLength(MAX_RECORDS_READ + 5);
		expect(output.slice(0, MAX_RECORDS_READ).every((item) => item.recordFound === true)).toBe(true);
		expect(output[MAX_RECORDS_READ]).toMatchObject({
			recordId: ids[MAX_RECORDS_READ],
			recordFound: false,
			record: null,
			error: { code: 'TOO_MANY_IDS' },
		});
		expect(await recordReads()).toHaveLength(MAX_RECORDS_READ);
	});

	it(`keeps at most ${RECORD_FETCH_CONCURRENCY} reads in flight`, async () => {
		const ids = await createContacts(12);
		await fixture.client.control('POST', 'config', { recordReadDelayMs: 100 });
		const startedAt = Date.now();
		await execute(itemsFor(ids));
		expect(Date.now() - startedAt).toBeGreaterThanOrEqual(
			Math.ceil(12 / RECORD_FETCH_CONCURRENCY) * 100,
		);
	});

	describe("under every reading of Bigin's record reads", () => {
		const settingsCalls = async () =>
			(await requests()).filter((entry) => entry.path === '/bigin/v2/settings/fields');

		it('reads each record whole in one call, with no metadata call, where Bigin does not ask for fields', async () => {
			const ids = await createContacts(3);
			const output = await execute(itemsFor(ids));
			expect(output[0].record).toMatchObject({ Last_Name: 'Contact 0', Loyalty_Points: 0 });
			expect(await settingsCalls()).toEqual([]);
			expect((await recordReads()).every((entry) => entry.query.fields === undefined)).toBe(true);
		});

		it('sends every field, custom ones included, where a single read requires fields; the field list is read once', async () => {
			const ids = await createContacts(10);
			await fixture.client.control('POST', 'config', { singleRecordRequiresFields: true });
			const output = await execute(itemsFor(ids));
			expect(output.map((item) => item.recordFound)).toEqual(ids.map(() => true));
			expect(output[3].record).toMatchObject({
				id: ids[3],
				Last_Name: 'Contact 3',
				Loyalty_Points: 3,
				Customer_Tier: null,
			});
			const settings = await settingsCalls();
			expect(settings).toHaveLength(1);
			expect(settings[0].query).toEqual({ module: 'Contacts' });
			const reads = await recordReads();
			const refused = reads.filter((entry) => entry.status === 400);
			expect(refused.length).toBeGreaterThanOrEqual(1);
			expect(refused.length).toBeLessThanOrEqual(RECORD_FETCH_CONCURRENCY);
			const fields = reads
				.filter((entry) => entry.status === 200)
				.map((entry) => entry.query.fields);
			expect(fields).toHaveLength(10);
			expect(fields[0].split(',')).toEqual(expect.arrayContaining(['Last_Name', 'Loyalty_Points']));
			expect(fields[0].split(',').length).toBeLessThanOrEqual(50);
		});

		it('outputs the error, naming the scope problem, when fields are required and the field list may not be read', async () => {
			const [id] = await createContacts(1);
			await fixture.client.control('POST', 'config', { singleRecordRequiresFields: true });
			const output = await execute(itemsFor([id]), {
				scope: 'ZohoBigin.notifications.ALL,ZohoBigin.modules.ALL',
			});
			expect(output[0]).toMatchObject({
				recordFound: false,
				record: null,
				error: { code: 'OAUTH_SCOPE_MISMATCH' },
			});
		});

		it('delivers every record of a mass update where Bigin serves two record calls at once', async () => {
			const ids = await createContacts(30);
			await fixture.client.control('POST', 'config', {
				recordConcurrencyLimit: 2,
				recordReadDelayMs: 50,
			});
			const output = await execute(itemsFor(ids));
			expect(output.map((item) => item.recordFound)).toEqual(ids.map(() => true));
			const statuses = (await recordReads()).map((entry) => entry.status);
			expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
			expect(statuses.filter((status) => status === 200)).toHaveLength(30);
		});

		it.each(ALL_READINGS.map((reading) => [reading.name, reading] as const))(
			'delivers every record, whole, under the %s',
			async (_name, reading) => {
				const ids = await createContacts(12);
				await fixture.client.control('POST', 'config', {
					...reading.config,
					recordReadDelayMs: 20,
				});
				const output = await execute(itemsFor(ids));
				expect(output.map((item) => (item.record as IDataObject | null)?.Loyalty_Points)).toEqual(
					ids.map((_, index) => index),
				);
			},
		);
	});

	describe('replays', () => {
		it('drops a notification delivered before, without reading its records again', async () => {
			const ids = await createContacts(2);
			const store = deduplicationStore();
			const helpers = { checkProcessedAndRecord: store.checkProcessedAndRecord };
			const input = itemsFor(ids);
			expect(await execute(input, { helpers })).toHaveLength(2);
			expect(await execute(input, { helpers })).toEqual([]);
			expect(await recordReads()).toHaveLength(2);
			expect(store.calls[0].options).toEqual({ mode: 'entries', maxEntries: 100 });
		});

		it('still delivers where n8n has no deduplication helper (before 1.104)', async () => {
			const ids = await createContacts(1);
			expect(await execute(itemsFor(ids))).toHaveLength(1);
			expect(await execute(itemsFor(ids))).toHaveLength(1);
		});

		it('delivers, and warns, when the deduplication check fails', async () => {
			const ids = await createContacts(1);
			const helpers = {
				checkProcessedAndRecord: async () => {
					throw new Error('database is locked');
				},
			};
			expect(await execute(itemsFor(ids), { helpers })).toHaveLength(1);
			expect(log.some((line) => line.level === 'warn' && line.message.includes('replay'))).toBe(
				true,
			);
		});
	});
});
