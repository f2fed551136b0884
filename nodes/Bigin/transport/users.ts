import type { IDataObject } from 'n8n-workflow';

import type { BiginContext } from './request';
import { biginApiRequest } from './request';

/** A user of the org, as far as choosing a record's owner needs one. */
export interface BiginUser {
	id: string;
	full_name: string;
	email: string;
}

const USERS_PER_PAGE = 200;

/**
 * The org's active users, the only ones a record can be given to (`GET users?type=ActiveUsers`,
 * scope ZohoBigin.users.READ), page by page; an empty list when Bigin answers 204.
 */
export async function getActiveUsers(context: BiginContext): Promise<BiginUser[]> {
	const users: BiginUser[] = [];
	for (let page = 1; ; page++) {
		const response = await biginApiRequest<{ users?: IDataObject[]; info?: IDataObject }>(context, {
			method: 'GET',
			resource: 'users',
			qs: { type: 'ActiveUsers', page, per_page: USERS_PER_PAGE },
		});
		for (const user of response.body?.users ?? []) {
			if (typeof user.id !== 'string') continue;
			users.push({
				id: user.id,
				full_name: String(user.full_name ?? user.email ?? user.id),
				email: String(user.email ?? ''),
			});
		}
		if (response.body?.info?.more_records !== true) return users;
	}
}
