import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { executeContext } from '../../../../tools/contexts/contexts';
import { deduplicationStore } from '../../../../tools/contexts/deduplication';
import type { LoggedLine } from '../../../../tools/contexts/nodeHarness';
import { simulatorCredentials, testNode } from '../../../../tools/contexts/nodeHarness';
import type { SimulatorFixture } from '../../../support/simulatorFixture';
import { useSimulator } from '../../../support/simulatorFixture';
import { MODULE_FIELDS } from '../../../../tools/simulator/fields';
import { ALL_READINGS } from '../../../../tools/simulator/readings';
import { notificationItems } from '../../../../nodes/Bigin/trigger/notificationItems';
import {
	MAX_RECORDS_READ,
	QUERY_FROM_IDS,
	RECORD_FETCH_CONCURRENCY,
	addRecords,
} from '../../../../nodes/Bigin/trigger/recordFetch';

const node = testNode('biginTrigger');

/** Everything the trigger may use but the Query API. */
const WITHOUT_QUERY_SCOPE =
	'ZohoBigin.notifications.ALL,ZohoBigin.modules.ALL,ZohoBigin.settings.ALL';

interface RequestLogEntry {
	method: string;
	path: string;
	query: Record<string, string>;
	status: number;
	selectQuery?: string;
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

	/**
	 * The trigger's first step for the items. `scope` is what Zoho granted the token and what the
	 * credential's Scope asks for, unless `credentialScope` says otherwise.
	 */
	async function execute(
		input: INodeExecutionData[],
		options: {
			scope?: string;
			credentialScope?: string;
			parameters?: IDataObject;
			helpers?: IDataObject;
		} = {},
	): Promise<IDataObject[]> {
		const credentials = await simulatorCredentials(fixture.sim, options.scope);
		const credentialScope = options.credentialScope ?? options.scope;
		if (credentialScope !== undefined) credentials.scope = credentialScope;
		const context = executeContext({
			node,
			credentials,
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
	/** The select queries the trigger sent, as the simulator received them. */
	const queries = async (): Promise<string[]> =>
		(await requests()).flatMap((entry) => entry.selectQuery ?? []);

	describe('through the Query API', () => {
		it('reads a notification of 100 ids with the field list and one query per field group, each item with its whole record', async () => {
			const ids = await createContacts(100);
			const output = await execute(itemsFor(ids));
			expect(output.map((item) => item.recordFound)).toEqual(ids.map(() => true));
			expect(output.map((item) => (item.record as IDataObject).id)).toEqual(ids);
			expect(output[42].record).toMatchObject({
				Last_Name: 'Contact 42',
				Loyalty_Points: 42,
				Customer_Tier: null,
				Owner: { id: expect.stringMatching(/^\d+$/) },
			});
			const fieldGroups = Math.ceil(MODULE_FIELDS.Contacts.length / 50);
			const calls = await requests();
			expect(calls.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
				'GET /bigin/v2/settings/fields',
				...Array.from({ length: fieldGroups }, () => 'POST /bigin/v2/coql'),
			]);
			const sent = await queries();
			for (const query of sent) {
				expect(query.match(/id in \(/g)).toHaveLength(2);
				expect(query).toContain(' or id in (');
				expect(query).toMatch(/^select .* from Contacts where .* limit 100$/);
			}
			const selected = sent.join(', ');
			expect(selected).toMatch(/\bLoyalty_Points\b/);
			expect(selected).toMatch(/\bDescription\b/);
		});

		it('outputs the ids the query does not return as records not found, never dropping them', async () => {
			const ids = await createContacts(3);
			await fixture.client.control('DELETE', `records/Contacts/${ids[1]}`);
			const missing = '6756839000000999999';
			const output = await execute(itemsFor([...ids, missing]));
			expect(output.map((item) => [item.recordId, item.recordFound])).toEqual([
				[ids[0], true],
				[ids[1], false],
				[ids[2], true],
				[missing, false],
			]);
			expect(output[3]).toMatchObject({ record: null });
			expect(output[3]).not.toHaveProperty('error');
		});

		it(`reads fewer than ${QUERY_FROM_IDS} records one by one, since a query would cost as many calls`, async () => {
			const ids = await createContacts(2);
			const output = await execute(itemsFor(ids));
			expect(output.map((item) => item.recordFound)).toEqual([true, true]);
			expect((await requests()).map((entry) => entry.method)).toEqual(['GET', 'GET']);
			expect(await recordReads()).toHaveLength(2);
		});

		it("reads one by one, without trying a query, where the credential's Scope lacks ZohoBigin.coql.READ", async () => {
			const ids = await createContacts(12);
			const output = await execute(itemsFor(ids), { scope: WITHOUT_QUERY_SCOPE });
			expect(output.map((item) => item.recordFound)).toEqual(ids.map(() => true));
			expect((await requests()).map((entry) => entry.path)).toEqual(
				ids.map((id) => `/bigin/v2/Contacts/${id}`),
			);
			expect(log.filter((line) => line.level === 'warn')).toEqual([]);
		});

		it('falls back to reading one by one where Bigin refuses the query for want of ZohoBigin.coql.READ, and says once why', async () => {
			const ids = await createContacts(12);
			const output = await execute(itemsFor(ids), {
				scope: WITHOUT_QUERY_SCOPE,
				credentialScope: `${WITHOUT_QUERY_SCOPE},ZohoBigin.coql.READ`,
			});
			expect(output.map((item) => item.recordFound)).toEqual(ids.map(() => true));
			const calls = await requests();
			// n8n answers a 401 by refreshing the access token and sending the call once more
			expect(calls.filter((entry) => entry.path === '/bigin/v2/coql').map((e) => e.status)).toEqual(
				[401, 401],
			);
			expect(await recordReads()).toHaveLength(12);
			const warnings = log.filter((line) => line.message.includes('one by one'));
			expect(warnings).toHaveLength(1);
			expect(warnings[0].message).toContain('OAUTH_SCOPE_MISMATCH');
			expect(warnings[0].message).toContain('Add ZohoBigin.coql.READ');
		});

		it('falls back to reading one by one where the org has no Query API', async () => {
			const ids = await createContacts(5);
			await fixture.client.control('POST', 'config', { coqlAvailable: false });
			const output = await execute(itemsFor(ids));
			expect(output.map((item) => item.recordFound)).toEqual(ids.map(() => true));
			const warnings = log.filter((line) => line.message.includes('one by one'));
			expect(warnings).toHaveLength(1);
			expect(warnings[0].message).toContain('INVALID_URL_PATTERN');
			expect(warnings[0].message).not.toContain('Add ZohoBigin.coql.READ');
		});

		it('retries a query Bigin answers with 429, waiting as Retry-After says', async () => {
			const ids = await createContacts(10);
			await fixture.client.control('POST', 'faults', {
				path: '/bigin/v2/coql',
				kind: 429,
				count: 1,
				retryAfterSeconds: 1,
			});
			const startedAt = Date.now();
			const output = await execute(itemsFor(ids));
			expect(output.map((item) => item.recordFound)).toEqual(ids.map(() => true));
			expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
			const statuses = (await requests())
				.filter((entry) => entry.path === '/bigin/v2/coql')
				.map((entry) => entry.status);
			expect(statuses).toEqual([429, 200]);
			expect(await recordReads()).toEqual([]);
		});

		it('delivers a mass update where Bigin serves two record calls at once, with fewer 429s than reading one by one', async () => {
			const ids = await createContacts(60);
			await fixture.client.control('POST', 'config', {
				recordConcurrencyLimit: 2,
				recordReadDelayMs: 50,
			});
			const refusedWhen = async (scope?: string) => {
				await fixture.client.control('DELETE', 'requests');
				const output = await execute(itemsFor(ids), { scope });
				expect(output.map((item) => item.recordFound)).toEqual(ids.map(() => true));
				return (await requests()).filter((entry) => entry.status === 429).length;
			};
			const byQuery = await refusedWhen();
			const oneByOne = await refusedWhen(WITHOUT_QUERY_SCOPE);
			expect(byQuery).toBe(0);
			expect(oneByOne).toBeGreaterThan(0);
		});

		it(`reads the first ${MAX_RECORDS_READ} records of a notification and outputs the others unread`, async () => {
			const ids = await createContacts(MAX_RECORDS_READ + 5);
			const output = await execute(itemsFor(ids));
			expect(output).toHaveLength(MAX_RECORDS_READ + 5);
			expect(output.slice(0, MAX_RECORDS_READ).every((item) => item.recordFound === true)).toBe(
				true,
			);
			expect(output[MAX_RECORDS_READ]).toMatchObject({
				recordId: ids[MAX_RECORDS_READ],
				recordFound: false,
				record: null,
				error: { code: 'TOO_MANY_IDS' },
			});
			const [query] = await queries();
			expect(query.match(/'\d+'/g)).toHaveLength(MAX_RECORDS_READ);
		});
	});

	describe('one by one (without ZohoBigin.coql.READ, or for one or two ids)', () => {
		it('delivers every record through a burst of 429s, waiting as Retry-After says', async () => {
			const ids = await createContacts(20);
			await fixture.client.control('POST', 'faults', {
				path: '/bigin/v2/Contacts/',
				kind: 429,
				count: 12,
				retryAfterSeconds: 1,
			});
			const startedAt = Date.now();
			const output = await execute(itemsFor(ids), { scope: WITHOUT_QUERY_SCOPE });
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
			const output = await execute(itemsFor(ids), { scope: WITHOUT_QUERY_SCOPE });
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
			const ids = await createContacts(3);
			const output = await execute(itemsFor(ids), { scope: 'ZohoBigin.notifications.ALL' });
			expect(output.map((item) => item.error)).toEqual(
				ids.map(() => expect.objectContaining({ code: 'OAUTH_SCOPE_MISMATCH', httpCode: 401 })),
			);
			expect(output[0]).toMatchObject({ recordFound: false, record: null });
		});

		it(`keeps at most ${RECORD_FETCH_CONCURRENCY} reads in flight`, async () => {
			const ids = await createContacts(12);
			await fixture.client.control('POST', 'config', { recordReadDelayMs: 100 });
			const startedAt = Date.now();
			await execute(itemsFor(ids), { scope: WITHOUT_QUERY_SCOPE });
			expect(Date.now() - startedAt).toBeGreaterThanOrEqual(
				Math.ceil(12 / RECORD_FETCH_CONCURRENCY) * 100,
			);
		});
	});

	describe("under every reading of Bigin's record reads", () => {
		const settingsCalls = async () =>
			(await requests()).filter((entry) => entry.path === '/bigin/v2/settings/fields');

		it('reads each record whole in one call, with no metadata call, where Bigin does not ask for fields', async () => {
			const ids = await createContacts(3);
			const output = await execute(itemsFor(ids), { scope: WITHOUT_QUERY_SCOPE });
			expect(output[0].record).toMatchObject({ Last_Name: 'Contact 0', Loyalty_Points: 0 });
			expect(await settingsCalls()).toEqual([]);
			expect((await recordReads()).every((entry) => entry.query.fields === undefined)).toBe(true);
		});

		it('sends every field, custom ones included, where a single read requires fields; the field list is read once', async () => {
			const ids = await createContacts(10);
			await fixture.client.control('POST', 'config', { singleRecordRequiresFields: true });
			const output = await execute(itemsFor(ids), { scope: WITHOUT_QUERY_SCOPE });
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

		it('delivers every record of a mass update read one by one where Bigin serves two record calls at once', async () => {
			const ids = await createContacts(30);
			await fixture.client.control('POST', 'config', {
				recordConcurrencyLimit: 2,
				recordReadDelayMs: 50,
			});
			const output = await execute(itemsFor(ids), { scope: WITHOUT_QUERY_SCOPE });
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
				for (const notified of [ids, ids.slice(0, 2)]) {
					const output = await execute(itemsFor(notified));
					expect(output.map((item) => (item.record as IDataObject | null)?.Loyalty_Points)).toEqual(
						notified.map((_, index) => index),
					);
					expect(Object.keys(output[0].record as IDataObject)).toEqual(
						expect.arrayContaining(['id', 'Last_Name', 'Owner', 'Created_Time']),
					);
				}
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
