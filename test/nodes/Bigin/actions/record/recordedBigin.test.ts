import type { IDataObject } from 'n8n-workflow';

import { byId, mapped, recordParameters, useBiginNode } from '../../../../support/actionHarness';
import { items } from '../../../../../tools/contexts/nodeHarness';
import { ALL_READINGS } from '../../../../../tools/simulator/readings';

const PRIYA = '6756839000000311017';

const sentRecords = (bigin: ReturnType<typeof useBiginNode>, method: string) =>
	bigin.recorder.requests
		.filter((request) => request.method === method)
		.flatMap((request) => (request.body as { data: IDataObject[] }).data);

const tagNames = (record: IDataObject | undefined) =>
	((record?.Tag ?? []) as Array<{ name: string }>).map((tag) => tag.name);

/**
 * What the recordings (and Bigin's documentation, where they are silent) show about Bigin, and
 * the Record resource right under it: each case under every reading of what Bigin leaves
 * undocumented.
 */
describe('Bigin node, Record resource, against Bigin as recorded', () => {
	const bigin = useBiginNode();

	describe.each(ALL_READINGS.map((reading) => [reading.name, reading.config]))(
		'(%s)',
		(_name, config) => {
			beforeEach(async () => await bigin.client.control('POST', 'config', config));

			const stored = async (module: string, id: unknown) =>
				(await bigin.records(module)).find((record) => record.id === id);

			describe('writes what view_type allows, in the form json_type asks', () => {
				it('creates a contact with its owner and tags: Owner as { id }, Tag as [{ name }]', async () => {
					const [created] = await bigin.run(
						recordParameters('create', {
							columns: mapped({ Last_Name: 'Okafor', Owner: PRIYA, Tag: 'VIP, Newsletter' }),
						}),
					);
					expect(sentRecords(bigin, 'POST')).toEqual([
						{
							Last_Name: 'Okafor',
							Owner: { id: PRIYA },
							Tag: [{ name: 'VIP' }, { name: 'Newsletter' }],
						},
					]);
					const record = await stored('Contacts', created.json.id);
					expect(record?.Owner).toMatchObject({ id: PRIYA, name: 'Priya Partner' });
					expect(tagNames(record)).toEqual(['VIP', 'Newsletter']);
				});

				it("changes a record's owner and replaces its tags on update", async () => {
					const id = await bigin.seed('Products', {
						Product_Name: 'Tagged',
						Tag: [{ name: 'Old' }],
					});
					await bigin.run(
						recordParameters('update', {
							module: 'Products',
							recordId: byId(id),
							columns: mapped({ Owner: PRIYA, Tag: ['Spring', 'Sale'] }),
						}),
					);
					const record = await stored('Products', id);
					expect(record?.Owner).toMatchObject({ id: PRIYA });
					expect(tagNames(record)).toEqual(['Spring', 'Sale']);
				});

				it("maps Owner and Tag from the input item's fields with auto-mapping", async () => {
					const [created] = await bigin.run(
						recordParameters('create', {
							columns: { mappingMode: 'autoMapInputData', value: null },
						}),
						{
							input: items({
								Last_Name: 'Auto',
								Owner: { id: PRIYA, name: 'Priya Partner' },
								Tag: [{ name: 'Imported' }],
								Created_Time: '2020-01-01T00:00:00+00:00',
							}),
						},
					);
					expect(sentRecords(bigin, 'POST')).toEqual([
						{ Last_Name: 'Auto', Owner: { id: PRIYA }, Tag: [{ name: 'Imported' }] },
					]);
					expect(tagNames(await stored('Contacts', created.json.id))).toEqual(['Imported']);
				});
			});

			describe('ties tasks, events and calls to their record: Related_To with $related_module', () => {
				it('creates a task about a pipeline record', async () => {
					const [deal] = await bigin.records('Pipelines');
					const [task] = await bigin.run(
						recordParameters('create', {
							module: 'Tasks',
							parentModule: 'Pipelines',
							columns: mapped({ Subject: 'Send the quote', Related_To: String(deal.id) }),
						}),
					);
					expect(sentRecords(bigin, 'POST')).toEqual([
						{
							Subject: 'Send the quote',
							Related_To: { id: deal.id },
							$related_module: 'Pipelines',
						},
					]);
					expect(await stored('Tasks', task.json.id)).toMatchObject({
						Related_To: { id: deal.id, name: deal.Deal_Name },
						$related_module: 'Pipelines',
					});
				});

				it('creates a call about a company, and moves an event to a contact on update', async () => {
					const [company] = await bigin.records('Accounts');
					const [contact] = await bigin.records('Contacts');
					const [call] = await bigin.run(
						recordParameters('create', {
							module: 'Calls',
							parentModule: 'Accounts',
							columns: mapped({
								Subject: 'Intro call',
								Call_Type: 'Outbound',
								Call_Start_Time: '2026-11-02T10:00:00+01:00',
								Call_Duration: '10:00',
								Related_To: String(company.id),
							}),
						}),
					);
					expect(await stored('Calls', call.json.id)).toMatchObject({
						Related_To: { id: company.id },
						$related_module: 'Accounts',
					});
					const eventId = await bigin.seed('Events', {
						Event_Title: 'Demo',
						Start_DateTime: '2026-11-03T10:00:00+01:00',
						End_DateTime: '2026-11-03T11:00:00+01:00',
					});
					await bigin.run(
						recordParameters('update', {
							module: 'Events',
							recordId: byId(eventId),
							parentModule: 'Contacts',
							columns: mapped({ Related_To: String(contact.id) }),
						}),
					);
					expect(await stored('Events', eventId)).toMatchObject({
						Related_To: { id: contact.id },
						$related_module: 'Contacts',
					});
				});
			});

			describe('reads without the fields Bigin refuses in list and record reads', () => {
				const UNLISTABLE = [
					'CTI_Entry',
					'Call_Status',
					'Associated_Products',
					'Secondary_Contacts',
					'Participants',
				];
				const namedFields = () =>
					bigin.recorder.requests
						.map((request) => (request.qs as IDataObject | undefined)?.fields)
						.filter((fields) => fields !== undefined)
						.flatMap((fields) => String(fields).split(','));

				it.each(['Calls', 'Events', 'Pipelines'])(
					'lists %s with the default fields',
					async (module) => {
						const output = await bigin.run(
							recordParameters('getAll', { module, returnAll: true, options: {} }),
						);
						expect(output.length).toBe((await bigin.records(module)).length);
						expect(output[0].json).toHaveProperty('Owner');
						expect(namedFields().length).toBeGreaterThan(5);
						for (const refused of UNLISTABLE) expect(namedFields()).not.toContain(refused);
					},
				);

				it("reads a pipeline record's calls with the default fields", async () => {
					const [deal] = await bigin.records('Pipelines');
					await bigin.seed('Calls', {
						Subject: 'Follow-up',
						Call_Type: 'Outbound',
						Call_Start_Time: '2026-11-02T10:00:00+01:00',
						Call_Duration: '05:00',
						Related_To: { id: deal.id },
						$related_module: 'Pipelines',
					});
					const calls = await bigin.run(
						recordParameters('getRelated', {
							module: 'Pipelines',
							recordId: byId(String(deal.id)),
							relatedList: 'Calls',
							returnAll: true,
							options: {},
						}),
					);
					expect(calls.map((item) => item.json.Subject)).toEqual(['Follow-up']);
					for (const refused of UNLISTABLE) expect(namedFields()).not.toContain(refused);
				});

				it('reads one record per call, once Bigin has said whether it wants the fields named', async () => {
					for (const module of ['Contacts', 'Calls', 'Events', 'Pipelines']) {
						bigin.recorder.requests = [];
						const [record] = await bigin.records(module);
						const output = await bigin.run(
							recordParameters('get', { module, recordId: byId(String(record.id)) }),
							{ input: items({}, {}, {}) },
						);
						expect(output.map((item) => item.json.id)).toEqual([record.id, record.id, record.id]);
						const read = `GET /${module}/${String(record.id)}`;
						expect(bigin.calls()).toEqual(
							config.singleRecordRequiresFields
								? [read, 'GET /settings/fields', read, read, read]
								: [read, read, read],
						);
						for (const refused of UNLISTABLE) expect(namedFields()).not.toContain(refused);
					}
				});
			});

			describe('counts a record already deleted as deleted only after a retry', () => {
				it('deletes records whose first DELETE Bigin carried out while its answer was lost', async () => {
					const first = await bigin.seed('Tasks', { Subject: 'Lost answer' });
					const second = await bigin.seed('Tasks', { Subject: 'Lost answer too' });
					await bigin.client.control('POST', 'faults', {
						path: '/bigin/v2/Tasks',
						method: 'DELETE',
						kind: 500,
						afterHandling: true,
					});
					const output = await bigin.run(
						(itemIndex) =>
							recordParameters('delete', {
								module: 'Tasks',
								recordId: byId([first, second][itemIndex]),
							}),
						{ input: items({}, {}) },
					);
					expect(output.map((item) => item.json)).toEqual([
						{ id: first, deleted: true },
						{ id: second, deleted: true },
					]);
					expect(bigin.calls()).toEqual(['DELETE /Tasks', 'DELETE /Tasks']);
				});

				it('reports, on a first DELETE, a record deleted before as an error', async () => {
					const id = await bigin.seed('Tasks', { Subject: 'Deleted elsewhere' });
					await bigin.client.request('DELETE', `/bigin/v2/Tasks?ids=${id}`, {
						token: await bigin.client.token(),
					});
					await expect(
						bigin.run(recordParameters('delete', { module: 'Tasks', recordId: byId(id) })),
					).rejects.toThrow('Bigin error INVALID_DATA');
					expect(bigin.calls()).toEqual(['DELETE /Tasks']);
				});
			});

			describe("makes a search's text Equals mean the whole value (Bigin matches the words)", () => {
				const productSearch = (condition: IDataObject[], combine = 'and') =>
					recordParameters('search', {
						module: 'Products',
						searchBy: 'criteria',
						conditions: { condition },
						combine,
						returnAll: true,
					});

				beforeEach(async () => {
					await bigin.seed('Products', { Product_Name: 'Nango Test Product' });
					await bigin.seed('Products', { Product_Name: 'Nango Unlink Test Product' });
					await bigin.seed('Products', { Product_Name: 'Test Bench', Unit_Price: 9 });
				});

				it('finds only the record whose name is the whole text', async () => {
					const output = await bigin.run(
						productSearch([
							{ field: 'Product_Name', operator: 'equals', value: 'nango test product' },
						]),
					);
					expect(output.map((item) => item.json.Product_Name)).toEqual(['Nango Test Product']);
				});

				it('keeps the exact matches of every text Equals with AND, and of any with OR', async () => {
					const both = await bigin.run(
						productSearch([
							{ field: 'Product_Name', operator: 'equals', value: 'Nango Test Product' },
							{ field: 'Product_Code', operator: 'equals', value: 'nothing' },
						]),
					);
					expect(both).toEqual([]);
					const either = await bigin.run(
						productSearch(
							[
								{ field: 'Product_Name', operator: 'equals', value: 'Nango Test Product' },
								{ field: 'Product_Name', operator: 'equals', value: 'Test Bench' },
							],
							'or',
						),
					);
					expect(either.map((item) => item.json.Product_Name).sort()).toEqual([
						'Nango Test Product',
						'Test Bench',
					]);
				});
			});
		},
	);
});
