import type { SimulatorFixture } from '../../support/simulatorFixture';
import { useSimulator } from '../../support/simulatorFixture';

describe('Bigin simulator: readings of undocumented record behaviour', () => {
	let client: SimulatorFixture['client'];
	let token: string;
	useSimulator((fixture) => ({ client, token } = fixture));

	const api = (method: string, path: string, body?: unknown) =>
		client.request(method, `/bigin/v2/${path}`, { token, body });
	const firstContact = async () => (await client.control('GET', 'records/Contacts')).data[0];

	describe('single-record GET and `fields`', () => {
		it('by default answers the whole record without fields, and only the asked fields with them', async () => {
			const contact = await firstContact();
			const whole = await api('GET', `Contacts/${contact.id}`);
			expect(whole.body.data[0]).toMatchObject({ id: contact.id, Email: contact.Email });
			const narrowed = await api('GET', `Contacts/${contact.id}?fields=Email,Customer_Tier`);
			expect(narrowed.body.data[0]).toEqual({
				id: contact.id,
				Email: contact.Email,
				Customer_Tier: 'Gold',
			});
		});

		it('under singleRecordRequiresFields refuses a read without fields, as list calls do', async () => {
			await client.control('POST', 'config', { singleRecordRequiresFields: true });
			const contact = await firstContact();
			const refused = await api('GET', `Contacts/${contact.id}`);
			expect(refused.status).toBe(400);
			expect(refused.body).toEqual({
				code: 'REQUIRED_PARAM_MISSING',
				details: { param: 'fields' },
				message: 'One of the expected parameter is missing',
				status: 'error',
			});
			const read = await api('GET', `Contacts/${contact.id}?fields=Last_Name`);
			expect(read.status).toBe(200);
			expect(read.body.data[0]).toEqual({ id: contact.id, Last_Name: 'Lopez' });
			expect((await api('GET', 'Contacts/1234?fields=Last_Name')).status).toBe(204);
		});
	});

	describe('concurrency limit on record calls', () => {
		it('answers 429 with Retry-After to calls beyond the limit while others are in flight', async () => {
			await client.control('POST', 'config', {
				recordConcurrencyLimit: 2,
				concurrencyRetryAfterSeconds: 3,
				recordReadDelayMs: 300,
			});
			const contact = await firstContact();
			const burst = await Promise.all(
				Array.from({ length: 6 }, async () => await api('GET', `Contacts/${contact.id}`)),
			);
			const statuses = burst.map((response) => response.status).sort();
			expect(statuses.filter((status) => status === 200)).toHaveLength(2);
			expect(statuses.filter((status) => status === 429)).toHaveLength(4);
			const refused = burst.find((response) => response.status === 429);
			expect(refused?.headers.get('retry-after')).toBe('3');
			expect(refused?.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 'error' });
		});

		it('counts writes, searches and lists too, but not settings or notification calls', async () => {
			await client.control('POST', 'config', { recordConcurrencyLimit: 1, recordReadDelayMs: 300 });
			const [list, write, settings, watch] = await Promise.all([
				api('GET', 'Contacts?fields=Last_Name'),
				api('POST', 'Contacts', { data: [{ Last_Name: 'Burst' }] }),
				api('GET', 'settings/fields?module=Contacts'),
				api('GET', 'actions/watch'),
			]);
			expect([list.status, write.status].sort()).toEqual([200, 429]);
			expect(settings.status).toBe(200);
			expect(watch.status).toBe(204);
		});

		it('frees a slot once an answer is sent, so calls in sequence all pass', async () => {
			await client.control('POST', 'config', { recordConcurrencyLimit: 1, recordReadDelayMs: 50 });
			const contact = await firstContact();
			for (let call = 0; call < 4; call += 1) {
				expect((await api('GET', `Contacts/${contact.id}`)).status).toBe(200);
			}
			expect((await api('GET', 'Contacts/1')).status).toBe(204);
			expect((await api('GET', 'Contacts?fields=Email')).status).toBe(200);
		});

		it('has no limit by default', async () => {
			await client.control('POST', 'config', { recordReadDelayMs: 100 });
			const contact = await firstContact();
			const burst = await Promise.all(
				Array.from({ length: 10 }, async () => await api('GET', `Contacts/${contact.id}`)),
			);
			expect(burst.every((response) => response.status === 200)).toBe(true);
		});
	});

	describe('field names the module does not have', () => {
		it('are ignored by default, as Zoho’s record APIs do: the record is saved without them', async () => {
			const created = await api('POST', 'Contacts', {
				data: [{ Last_Name: 'Ignored', Favourite_Colour: 'teal' }],
			});
			expect(created.status).toBe(201);
			const id = created.body.data[0].details.id;
			const stored = (await client.control('GET', 'records/Contacts')).data.find(
				(record: { id: string }) => record.id === id,
			);
			expect(stored).toMatchObject({ Last_Name: 'Ignored' });
			expect(stored).not.toHaveProperty('Favourite_Colour');
		});

		it('are refused per record with INVALID_DATA naming the field under unknownFieldWrites=invalidData', async () => {
			await client.control('POST', 'config', { unknownFieldWrites: 'invalidData' });
			const contact = await firstContact();
			const updated = await api('PUT', 'Contacts', {
				data: [
					{ id: contact.id, Favourite_Colour: 'teal' },
					{ id: contact.id, Title: 'Director' },
				],
			});
			expect(updated.status).toBe(202);
			expect(updated.body.data[0]).toEqual({
				code: 'INVALID_DATA',
				details: { api_name: 'Favourite_Colour', json_path: '$.data[0].Favourite_Colour' },
				message: 'the field name given seems to be invalid',
				status: 'error',
			});
			expect(updated.body.data[1].status).toBe('success');
		});

		it('read-only fields are ignored under every reading', async () => {
			await client.control('POST', 'config', { unknownFieldWrites: 'invalidData' });
			const contact = await firstContact();
			const updated = await api('PUT', 'Contacts', {
				data: [
					{ id: contact.id, Full_Name: 'Someone Else', Created_Time: '2020-01-01T00:00:00+00:00' },
				],
			});
			expect(updated.status).toBe(200);
			const read = await api('GET', `Contacts/${contact.id}`);
			expect(read.body.data[0]).toMatchObject({
				Full_Name: 'Maria Lopez',
				Created_Time: contact.Created_Time,
			});
		});
	});

	describe('fields Bigin cannot list', () => {
		const unlistable = [
			['Calls', 'CTI_Entry'],
			['Calls', 'Call_Status'],
			['Pipelines', 'Associated_Products'],
			['Pipelines', 'Secondary_Contacts'],
			['Events', 'Participants'],
		];

		it.each(unlistable)(
			'reads %s.%s by default, in lists and single reads',
			async (module, field) => {
				const [record] = (await client.control('GET', `records/${module}`)).data;
				const listed = await api('GET', `${module}?fields=${field}`);
				expect(listed.status).toBe(200);
				expect(listed.body.data[0]).toHaveProperty(field);
				expect((await api('GET', `${module}/${record.id}?fields=${field}`)).status).toBe(200);
			},
		);

		it.each(unlistable)(
			'refuses %s.%s in a list and a single read under refuseUnlistableFields',
			async (module, field) => {
				await client.control('POST', 'config', { refuseUnlistableFields: true });
				const [record] = (await client.control('GET', `records/${module}`)).data;
				for (const path of [
					`${module}?fields=Subject,${field}`,
					`${module}/${record.id}?fields=${field}`,
				]) {
					const refused = await api('GET', path);
					expect({ path, status: refused.status }).toEqual({ path, status: 400 });
					expect(refused.body).toMatchObject({
						code: 'INVALID_DATA',
						status: 'error',
						details: { api_name: field, param: 'fields' },
					});
				}
				const whole = await api('GET', `${module}/${record.id}`);
				expect(whole.status).toBe(200);
				expect(whole.body.data[0]).toHaveProperty(field);
			},
		);
	});

	describe('a DELETE of a record already deleted (a retried DELETE)', () => {
		const deleteTwice = async () => {
			const contact = await firstContact();
			expect((await api('DELETE', `Contacts/${contact.id}`)).status).toBe(200);
			return { id: contact.id, again: await api('DELETE', `Contacts/${contact.id}`) };
		};

		it('answers like an unknown id by default: per-id INVALID_DATA in the item-error answer', async () => {
			const { id, again } = await deleteTwice();
			expect(again.status).toBe(202);
			expect(again.body.data[0]).toMatchObject({
				code: 'INVALID_DATA',
				status: 'error',
				details: { id },
			});
		});

		it('answers 400 with INVALID_DATA record not deleted under deletedRecordDelete=recordNotDeleted', async () => {
			await client.control('POST', 'config', { deletedRecordDelete: 'recordNotDeleted' });
			const { id, again } = await deleteTwice();
			expect(again.status).toBe(400);
			expect(again.body).toEqual({
				data: [
					{ code: 'INVALID_DATA', details: { id }, message: 'record not deleted', status: 'error' },
				],
			});
			const never = await api('DELETE', 'Contacts/1234567890123456789');
			expect(never.status).toBe(202);
		});
	});
});
