import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';

import { seededRecords } from './seed';
import type {
	BiginRecord,
	Channel,
	Delivery,
	Fault,
	PageCursor,
	RequestLogEntry,
	SimulatorConfig,
} from './types';
import { DEFAULT_CONFIG } from './types';

export interface AccessToken {
	clientId: string;
	scopes: string[];
	expiresAt: number;
	refreshToken?: string;
}

export interface RefreshToken {
	clientId: string;
	scopes: string[];
}

export interface AuthorizationCode {
	clientId: string;
	redirectUri: string;
	scopes: string[];
	offline: boolean;
	expiresAt: number;
}

export interface OAuthClient {
	clientId: string;
	clientSecret: string;
}

export const DEFAULT_CLIENT: OAuthClient = {
	clientId: '1000.SIMULATORCLIENT',
	clientSecret: 'simulator-client-secret',
};

/** Everything the simulated Bigin org knows, plus the knobs tests turn. */
export class SimulatorState {
	config: SimulatorConfig = { ...DEFAULT_CONFIG };
	/** Where the simulator listens; it is both the accounts server and the api_domain. */
	baseUrl = '';
	clockOffsetMs = 0;
	channels = new Map<string, Channel>();
	records = new Map<string, Map<string, BiginRecord>>();
	clients = new Map<string, OAuthClient>([[DEFAULT_CLIENT.clientId, DEFAULT_CLIENT]]);
	accessTokens = new Map<string, AccessToken>();
	refreshTokens = new Map<string, RefreshToken>();
	codes = new Map<string, AuthorizationCode>();
	faults: Fault[] = [];
	requestLog: RequestLogEntry[] = [];
	deliveries: Delivery[] = [];
	/** Cursors behind the `page_token`s handed out by list calls. */
	pageTokens = new Map<string, PageCursor>();
	/** Record API calls being served right now, for the concurrency limit. */
	recordCallsInFlight = 0;
	/** Links between records (a contact's products), as `Module:id` pairs both ways. */
	links = new Map<string, Set<string>>();
	/** The org's tags by name, with the id Bigin gave each. */
	tags = new Map<string, string>();
	/** Ids of deleted records, per module (Bigin keeps them in its recycle bin). */
	deletedIds = new Map<string, Set<string>>();
	/** When the org (its users, modules and layouts) was set up. */
	orgCreatedTime = '';
	private idCounter = 0;

	constructor() {
		this.reset();
	}

	reset(): void {
		this.config = { ...DEFAULT_CONFIG };
		this.clockOffsetMs = 0;
		this.channels.clear();
		this.accessTokens.clear();
		this.refreshTokens.clear();
		this.codes.clear();
		this.faults = [];
		this.requestLog = [];
		this.deliveries = [];
		this.pageTokens.clear();
		this.clients = new Map([[DEFAULT_CLIENT.clientId, DEFAULT_CLIENT]]);
		this.idCounter = 0;
		this.links.clear();
		this.tags.clear();
		this.deletedIds.clear();
		this.orgCreatedTime = this.formatDate(this.now());
		this.records = seededRecords(() => this.nextRecordId(), this.orgCreatedTime);
	}

	now(): number {
		return Date.now() + this.clockOffsetMs;
	}

	nextRecordId(): string {
		this.idCounter += 1;
		return `6756839000000${String(575000 + this.idCounter).padStart(6, '0')}`;
	}

	/** Bigin renders dates in the org's time zone, with an explicit offset and no milliseconds. */
	formatDate(epochMs: number): string {
		return DateTime.fromMillis(epochMs, {
			zone: `UTC${offsetLabel(this.config.orgUtcOffsetMinutes)}`,
		})
			.set({ millisecond: 0 })
			.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
	}

	/** The org's time zone: Africa/Nairobi at the default +03:00, a fixed offset otherwise. */
	orgTimeZone(): string {
		const minutes = this.config.orgUtcOffsetMinutes;
		if (minutes === 180) return 'Africa/Nairobi';
		return `UTC${offsetLabel(minutes)}`;
	}

	liveChannels(): Channel[] {
		this.dropExpiredChannels();
		return [...this.channels.values()].sort((a, b) => a.createdAt - b.createdAt);
	}

	dropExpiredChannels(): void {
		const now = this.now();
		for (const [id, channel] of this.channels) {
			if (channel.expiresAt <= now) this.channels.delete(id);
		}
	}

	liveChannel(channelId: string): Channel | undefined {
		this.dropExpiredChannels();
		return this.channels.get(channelId);
	}

	issueAccessToken(clientId: string, scopes: string[], refreshToken?: string): string {
		const token = `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
		this.accessTokens.set(token, {
			clientId,
			scopes,
			refreshToken,
			expiresAt: this.now() + this.config.accessTokenTtlSeconds * 1000,
		});
		return token;
	}

	issueRefreshToken(clientId: string, scopes: string[]): string {
		const token = `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
		this.refreshTokens.set(token, { clientId, scopes });
		return token;
	}

	/** Takes the first matching fault, if any, counting it down. */
	takeFault(method: string, path: string): Fault | undefined {
		const fault = this.faults.find(
			(candidate) =>
				candidate.remaining > 0 &&
				path.startsWith(candidate.pathPrefix) &&
				(!candidate.method || candidate.method === method),
		);
		if (!fault) return undefined;
		fault.remaining -= 1;
		this.faults = this.faults.filter((candidate) => candidate.remaining > 0);
		return fault;
	}
}

function offsetLabel(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const absolute = Math.abs(minutes);
	const hours = Math.floor(absolute / 60);
	const rest = absolute % 60;
	return rest === 0 ? `${sign}${hours}` : `${sign}${hours}:${String(rest).padStart(2, '0')}`;
}
