export interface SimUser {
	id: string;
	name: string;
	email: string;
	/** Administrator or Standard. */
	profile: string;
	/** Bigin's user status: `active`, or `disabled` for a deactivated user. */
	status: 'active' | 'disabled';
	zuid: string;
}

/**
 * The org's users: the first owns the token and every record it creates; the third has been
 * deactivated, so `type=ActiveUsers` leaves it out and records cannot be given to it.
 */
export const SIM_USERS: SimUser[] = [
	{
		id: '6756839000000311001',
		name: 'Sam Simulator',
		email: 'sam@bigin-simulator.example',
		profile: 'Administrator',
		status: 'active',
		zuid: '800311001',
	},
	{
		id: '6756839000000311017',
		name: 'Priya Partner',
		email: 'priya@bigin-simulator.example',
		profile: 'Standard',
		status: 'active',
		zuid: '800311017',
	},
	{
		id: '6756839000000311029',
		name: 'Dana Departed',
		email: 'dana@bigin-simulator.example',
		profile: 'Standard',
		status: 'disabled',
		zuid: '800311029',
	},
];
export const SIM_USER = SIM_USERS[0];

export function activeUser(id: string): SimUser | undefined {
	return SIM_USERS.find((user) => user.id === id && user.status === 'active');
}
