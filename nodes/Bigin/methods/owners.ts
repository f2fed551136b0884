import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { activeUsersOf } from '../transport/metadataCache';

/** The org's active users as options: "Priya Partner (priya@example.com)", by user ID. */
export async function activeUserOptions(
	context: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await activeUsersOf(context))
		.map((user) => ({
			name: user.email ? `${user.full_name} (${user.email})` : user.full_name,
			value: user.id,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The owners the field mapper offers, or undefined when Bigin does not list the users (a
 * credential connected without ZohoBigin.users.READ): Owner then takes a user ID, and the rest
 * of the mapper still loads.
 */
export async function ownerOptions(
	context: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[] | undefined> {
	try {
		return await activeUserOptions(context);
	} catch {
		return undefined;
	}
}
