import { byId, mapped, recordParameters, useBiginNode } from '../../../../support/actionHarness';
import { ALL_READINGS } from '../../../../../tools/simulator/readings';

describe('Bigin node, Record resource, under every reading of what Bigin leaves undocumented', () => {
	const bigin = useBiginNode();

	it.each(ALL_READINGS.map((reading) => [reading.name, reading.config]))(
		'creates, reads, updates, finds, queries and deletes a record (%s)',
		async (_name, config) => {
			await bigin.client.control('POST', 'config', {
				...config,
				unknownFieldWrites: 'invalidData',
			});
			const [created] = await bigin.run(
				recordParameters('create', {
					columns: mapped({ Last_Name: 'Reading', Loyalty_Points: 3 }),
				}),
			);
			const id = String(created.json.id);
			await bigin.run(
				recordParameters('update', { recordId: byId(id), columns: mapped({ Loyalty_Points: 4 }) }),
			);
			const [read] = await bigin.run(recordParameters('get', { recordId: byId(id) }));
			expect(read.json).toMatchObject({ id, Last_Name: 'Reading', Loyalty_Points: 4 });
			const found = await bigin.run(
				recordParameters('search', { searchBy: 'word', term: 'Reading', returnAll: true }),
			);
			expect(found.map((item) => item.json.id)).toEqual([id]);
			const query = recordParameters('query', {
				query: "select Loyalty_Points from Contacts where Last_Name = 'Reading'",
			});
			const filtered = recordParameters('getAll', {
				filters: { filter: [{ field: 'Loyalty_Points', comparator: 'greater_equal', value: '4' }] },
				options: { fields: ['Last_Name'] },
			});
			if (config.coqlAvailable === false) {
				await expect(bigin.run(query)).rejects.toThrow('INVALID_URL_PATTERN');
				await expect(bigin.run(filtered)).rejects.toThrow('INVALID_URL_PATTERN');
			} else {
				expect((await bigin.run(query)).map((item) => item.json)).toEqual([
					{ id, Loyalty_Points: 4 },
				]);
				expect((await bigin.run(filtered)).map((item) => item.json.id)).toContain(id);
			}
			const [deleted] = await bigin.run(recordParameters('delete', { recordId: byId(id) }));
			expect(deleted.json).toEqual({ id, deleted: true });
		},
	);
});
