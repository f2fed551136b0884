import type { SimulatorFixture } from '../../support/simulatorFixture';
import { useSimulator } from '../../support/simulatorFixture';

describe('Bigin simulator: users and the org', () => {
	let client: SimulatorFixture['client'];
	let token: string;
	useSimulator((fixture) => ({ client, token } = fixture));

	const api = (path: string, scoped = token) =>
		client.request('GET', `/bigin/v2/${path}`, { token: scoped });
	const names = (response: { body: { users: Array<{ full_name: string }> } }) =>
		response.body.users.map((user) => user.full_name);

	it('lists users by type: all of them by default, active ones, deactivated ones, admins', async () => {
		expect(names(await api('users'))).toEqual(['Sam Simulator', 'Priya Partner', 'Dana Departed']);
		expect(names(await api('users?type=AllUsers'))).toHaveLength(3);
		expect(names(await api('users?type=ActiveUsers'))).toEqual(['Sam Simulator', 'Priya Partner']);
		expect(names(await api('users?type=DeactiveUsers'))).toEqual(['Dana Departed']);
		expect(names(await api('users?type=AdminUsers'))).toEqual(['Sam Simulator']);
		expect(names(await api('users?type=CurrentUser'))).toEqual(['Sam Simulator']);
		expect((await api('users?type=DeletedUsers')).status).toBe(204);
		const bad = await api('users?type=Everyone');
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({ code: 'INVALID_DATA', details: { param: 'type' } });
	});

	it('describes a user with the recorded user’s keys, and pages like records', async () => {
		const listed = await api('users?type=ActiveUsers&per_page=1');
		const [user] = listed.body.users;
		expect(Object.keys(user)).toHaveLength(50);
		expect(user).toMatchObject({
			full_name: 'Sam Simulator',
			status: 'active',
			profile: { name: 'Administrator', id: expect.any(String) },
			role: { name: expect.any(String), id: expect.any(String) },
			time_zone: 'Africa/Nairobi',
			category: 'regular_user',
		});
		expect(listed.body.info).toEqual({ per_page: 1, count: 1, page: 1, more_records: true });
		const one = await api(`users/${user.id}`);
		expect(one.body).toEqual({ users: [user] });
		expect((await api('users/1234567890123456789')).status).toBe(204);
	});

	it('needs ZohoBigin.users.READ for users', async () => {
		expect((await api('users', await client.token('ZohoBigin.modules.ALL'))).status).toBe(401);
		expect((await api('users', await client.token('ZohoBigin.users.READ'))).status).toBe(200);
	});

	it('describes the org: its time zone, currency and licence', async () => {
		const org = await api('org');
		expect(org.status).toBe(200);
		expect(org.body.org).toHaveLength(1);
		expect(org.body.org[0]).toMatchObject({
			time_zone: 'Africa/Nairobi',
			currency_symbol: '$',
			iso_code: 'USD',
			license_details: expect.objectContaining({ users_license_purchased: 20 }),
		});
		expect((await api('org', await client.token('ZohoBigin.modules.ALL'))).status).toBe(401);
		expect((await api('org', await client.token('ZohoBigin.org.READ'))).status).toBe(200);
	});
});
