import { PROFILES } from './modules';
import type { SimulatorState } from './state';
import type { JsonObject } from './types';
import { ApiError, errorEntry } from './types';
import type { SimUser } from './users';
import { SIM_USER, SIM_USERS } from './users';

/** Zoho's `type` filter of `GET users`. */
const USER_TYPES: Record<string, (user: SimUser) => boolean> = {
	AllUsers: () => true,
	ActiveUsers: (user) => user.status === 'active',
	DeactiveUsers: (user) => user.status === 'disabled',
	ConfirmedUsers: () => true,
	NotConfirmedUsers: () => false,
	DeletedUsers: () => false,
	ActiveConfirmedUsers: (user) => user.status === 'active',
	AdminUsers: (user) => user.profile === 'Administrator',
	ActiveConfirmedAdmins: (user) => user.status === 'active' && user.profile === 'Administrator',
	CurrentUser: (user) => user.id === SIM_USER.id,
};

/** A user as `GET users` describes one: the recorded user's keys, in Bigin's order. */
function userObject(state: SimulatorState, user: SimUser): JsonObject {
	const [first, ...rest] = user.name.split(' ');
	const creator = { name: SIM_USER.name, id: SIM_USER.id };
	return {
		country: 'KENYA',
		Preferred_Currency__s: null,
		language: 'en_US',
		microsoft: false,
		$shift_effective_from: null,
		id: user.id,
		state: 'NAIROBI CITY',
		fax: null,
		country_locale: 'en_US',
		sandboxDeveloper: false,
		zip: null,
		decimal_separator: 'Period',
		created_time: state.orgCreatedTime,
		time_format: 'hh:mm a',
		offset: state.config.orgUtcOffsetMinutes * 60_000,
		profile: { name: user.profile, id: PROFILES.find((p) => p.name === user.profile)?.id ?? '' },
		created_by: creator,
		zuid: user.zuid,
		full_name: user.name,
		phone: null,
		dob: null,
		status: user.status,
		role: { name: 'Level 1', id: '6756839000000026005' },
		customize_info: {
			notes_desc: null,
			show_right_panel: null,
			bc_view: null,
			show_home: false,
			show_detail_view: true,
			show_left_panel: true,
			unpin_recent_item: null,
		},
		city: null,
		signature: null,
		sort_order_preference: 'First Name,Last Name',
		name_format: 'Salutation,First Name,Last Name',
		locale: 'en_US',
		personal_account: user.id === SIM_USER.id,
		Isonline: false,
		default_tab_group: '0',
		Modified_By: creator,
		street: null,
		$current_shift: null,
		alias: null,
		theme: {
			normal_tab: { font_color: '#FFFFFF', background: '#222222' },
			selected_tab: { font_color: '#FFFFFF', background: '#222222' },
			new_background: null,
			background: '#F3F0EB',
			screen: 'fixed',
			type: 'default',
		},
		first_name: first,
		email: user.email,
		status_reason__s: null,
		website: null,
		Modified_Time: state.orgCreatedTime,
		$next_shift: null,
		mobile: null,
		last_name: rest.join(' '),
		time_zone: state.orgTimeZone(),
		number_separator: 'Comma',
		confirm: true,
		date_format: 'MM/dd/yyyy',
		category: 'regular_user',
	};
}

function positive(value: string | undefined, fallback: number, param: string, max: number): number {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < 1 || number > max)
		throw new ApiError(400, errorEntry('INVALID_DATA', 'invalid data', { param }));
	return number;
}

/** GET users?type=…: the org's users of that type (all by default), paged like records. */
export function listUsers(
	state: SimulatorState,
	query: Record<string, string>,
): { status: number; body?: JsonObject } {
	const type = query.type ?? 'AllUsers';
	const matches = USER_TYPES[type];
	if (!matches) {
		throw new ApiError(
			400,
			errorEntry('INVALID_DATA', 'invalid data', {
				param: 'type',
				supported_values: Object.keys(USER_TYPES),
			}),
		);
	}
	const perPage = positive(query.per_page, 200, 'per_page', 200);
	const page = positive(query.page, 1, 'page', 1_000_000);
	const users = SIM_USERS.filter(matches);
	const slice = users.slice((page - 1) * perPage, page * perPage);
	if (slice.length === 0) return { status: 204 };
	return {
		status: 200,
		body: {
			users: slice.map((user) => userObject(state, user)),
			info: {
				per_page: perPage,
				count: slice.length,
				page,
				more_records: users.length > page * perPage,
			},
		},
	};
}

/** GET users/{id}: one user, 204 when the org has none with that id. */
export function getUser(state: SimulatorState, id: string): { status: number; body?: JsonObject } {
	const user = SIM_USERS.find((candidate) => candidate.id === id);
	return user ? { status: 200, body: { users: [userObject(state, user)] } } : { status: 204 };
}

/** GET org: the organisation, its time zone and currency, as the recorded org's keys. */
export function getOrg(state: SimulatorState): { status: number; body: JsonObject } {
	return {
		status: 200,
		body: {
			org: [
				{
					country: null,
					hierarchy_preferences: { type: 'Role_Hierarchy' },
					photo_id: null,
					city: null,
					description: null,
					mc_status: false,
					gapps_enabled: false,
					lite_users_enabled: false,
					domain_name: 'org800311001',
					translation_enabled: false,
					street: null,
					alias: null,
					currency: 'US Dollar - USD',
					deletable_org_account: true,
					id: '6756839000000020005',
					state: null,
					fax: null,
					employee_count: null,
					zip: null,
					website: null,
					currency_symbol: '$',
					mobile: null,
					currency_locale: 'USD',
					primary_zuid: SIM_USER.zuid,
					zia_portal_id: null,
					time_zone: state.orgTimeZone(),
					zgid: '800311000',
					country_code: 'US',
					license_details: {
						paid_expiry: null,
						users_license_purchased: 20,
						trial_type: 'biginpremier',
						trial_expiry: state.formatDate(state.now() + 14 * 24 * 3600 * 1000),
						paid: false,
						paid_type: 'free',
						portal_users_license_purchased: 0,
					},
					phone: '+15550100',
					company_name: 'Bigin Simulator Org',
					privacy_settings: false,
					primary_email: SIM_USER.email,
					hipaa_compliance_enabled: false,
					iso_code: 'USD',
				},
			],
		},
	};
}
