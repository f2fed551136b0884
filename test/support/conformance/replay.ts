import type { RunningSimulator } from '../../../tools/simulator';
import { simClient } from '../../../tools/simulator/client';
import type {
	ExchangeFacts,
	IdFact,
	RecordingFacts,
	Shape,
} from '../../../tools/simulator/conformance/facts';
import type { Json, JsonObject } from '../../../tools/simulator/types';
import { valueAt } from './compare';

/** What the simulator answered to one replayed exchange. */
export interface ReplayedExchange {
	facts: ExchangeFacts;
	status: number;
	contentType: string | null;
	body: Json | undefined;
}

interface FieldMetadata {
	api_name: string;
	data_type: string;
	json_type: string;
	system_mandatory: boolean;
	length: number;
	view_type: { create: boolean };
	pick_list_values: Array<{ actual_value: string }>;
	lookup: { module?: { api_name: string } };
}

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isTags = (field: FieldMetadata) =>
	field.data_type === 'text' && field.json_type === 'jsonarray';

/** A field a shape shows filled: not null, not an empty list. */
const filled = (shape: Shape | undefined) =>
	shape !== undefined && shape !== '<null>' && !(Array.isArray(shape) && shape.length === 0);

/**
 * Replays recorded exchanges against a fresh simulator over HTTP. Before each exchange it creates
 * what the recorded org had: the record a path names (with the fields the recorded answer shows
 * filled), the records a list or search answered (as many, oldest first, one more when the
 * recording had more), the products linked to a contact, the channel a watch call names. Ids are
 * the simulator's: an id an earlier answer of the same recording gave is taken from the replayed
 * answer. Data values are made up per field type; values the facts keep are sent as recorded.
 */
export class Replayer {
	private readonly client: ReturnType<typeof simClient>;
	private token = '';
	private serial = 0;
	private answers: Array<Json | undefined> = [];
	/** The simulator's ids for the placeholders of the exchange being prepared. */
	private pathIds: string[] = [];
	private readonly metadata = new Map<string, FieldMetadata[]>();

	constructor(private readonly sim: RunningSimulator) {
		this.client = simClient(sim);
	}

	async replay(recording: RecordingFacts): Promise<ReplayedExchange[]> {
		this.sim.state.reset();
		this.metadata.clear();
		this.answers = [];
		this.token = await this.client.token();
		const replayed: ReplayedExchange[] = [];
		for (const facts of recording.exchanges) {
			const request = await this.prepare(facts);
			const response = await this.client.request(facts.method, request.path, {
				token: this.token,
				body: request.body,
			});
			this.answers.push(response.body as Json | undefined);
			replayed.push({
				facts,
				status: response.status,
				contentType: response.headers.get('content-type'),
				body: response.body as Json | undefined,
			});
		}
		return replayed;
	}

	private async api(method: string, path: string, body?: unknown): Promise<Json | undefined> {
		const response = await this.client.request(method, `/bigin/v2/${path}`, {
			token: this.token,
			body,
		});
		if (response.status >= 300)
			throw new Error(
				`setup ${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`,
			);
		return response.body as Json | undefined;
	}

	/** Moves the simulator's clock a second on, so records made one after another sort apart. */
	private async tick(): Promise<void> {
		await this.client.control('POST', 'clock', { advanceSeconds: 1 });
	}

	private async fields(module: string): Promise<FieldMetadata[]> {
		const cached = this.metadata.get(module);
		if (cached) return cached;
		const body = (await this.api('GET', `settings/fields?module=${module}`)) as unknown as {
			fields: FieldMetadata[];
		};
		this.metadata.set(module, body.fields);
		return body.fields;
	}

	private async firstUserId(): Promise<string> {
		const body = (await this.api('GET', 'users?type=ActiveUsers')) as { users: JsonObject[] };
		return String(body.users[0].id);
	}

	/** A valid value for a field, made up from its type. */
	private async valueFor(field: FieldMetadata): Promise<Json | undefined> {
		this.serial += 1;
		const serial = this.serial;
		if (isTags(field)) return [{ name: `replay-${serial}` }];
		switch (field.data_type) {
			case 'text':
				return `Replay ${serial}`.slice(0, field.length);
			case 'textarea':
				return `Replayed from a recorded exchange (${serial})`;
			case 'email':
				return `replay.${serial}@example.com`;
			case 'phone':
				return '+1 555 0100';
			case 'website':
				return 'https://replay.example';
			case 'picklist':
				return field.pick_list_values[0]?.actual_value;
			case 'multiselectpicklist':
				return [field.pick_list_values[0]?.actual_value ?? ''];
			case 'date':
				return '2026-12-01';
			case 'datetime':
				return '2026-12-01T10:00:00+03:00';
			case 'integer':
			case 'bigint':
				return 7;
			case 'double':
			case 'currency':
				return 19.99;
			case 'boolean':
				return true;
			case 'ownerlookup':
				return { id: await this.firstUserId() };
			case 'lookup': {
				const target = field.lookup.module?.api_name;
				return target ? { id: await this.createRecord(target) } : undefined;
			}
			default:
				return undefined;
		}
	}

	/**
	 * Creates a record through the API: its mandatory fields, every writable field the recorded
	 * shape shows filled, then `given`. A recorded Last_Activity_Time needs an activity: an update.
	 */
	async createRecord(module: string, shape?: Shape, given: JsonObject = {}): Promise<string> {
		const fields = await this.fields(module);
		const body: JsonObject = {};
		for (const field of fields) {
			if (field.api_name in given) continue;
			const recorded = isObject(shape) ? shape[field.api_name] : undefined;
			const wanted =
				field.system_mandatory ||
				(filled(recorded) &&
					(field.view_type.create || isTags(field)) &&
					field.data_type !== 'boolean');
			if (!wanted) continue;
			const value = await this.valueFor(field);
			if (value !== undefined) body[field.api_name] = value;
		}
		Object.assign(body, given);
		const answer = await this.api('POST', module, { data: [body] });
		const id = String(valueAt(answer, 'data[0].details.id'));
		await this.tick();
		if (isObject(shape) && shape.Last_Activity_Time === '<string>') {
			const name = fields.find((field) => field.system_mandatory)?.api_name ?? 'id';
			await this.api('PUT', `${module}/${id}`, { data: [{ [name]: body[name] }] });
			await this.tick();
		}
		return id;
	}

	private async link(
		module: string,
		id: string,
		related: string,
		relatedId: string,
	): Promise<void> {
		await this.api('PUT', `${module}/${id}/${related}/${relatedId}`, { data: [{}] });
		await this.tick();
	}

	private async resolveId(facts: ExchangeFacts, fact: IdFact): Promise<string> {
		if (fact.module === 'users') return await this.firstUserId();
		const shape = fact.shownAt === undefined ? undefined : valueAt(facts.body, fact.shownAt);
		if (!fact.answeredBy) return await this.createRecord(String(fact.module), shape);
		const id = String(valueAt(this.answers[fact.answeredBy.exchange], fact.answeredBy.at));
		if (shape !== undefined) await this.fillRecord(String(fact.module), id, shape);
		return id;
	}

	/**
	 * Fills, on a record an earlier exchange made (a contact's company), the fields this exchange's
	 * answer shows filled, as the recorded org had them.
	 */
	private async fillRecord(module: string, id: string, shape: Shape): Promise<void> {
		const body: JsonObject = {};
		for (const field of await this.fields(module)) {
			const recorded = isObject(shape) ? shape[field.api_name] : undefined;
			if (!filled(recorded) || !field.view_type.create || field.data_type.endsWith('lookup'))
				continue;
			if (field.data_type === 'boolean') continue;
			const value = await this.valueFor(field);
			if (value !== undefined) body[field.api_name] = value;
		}
		if (Object.keys(body).length === 0) return;
		await this.api('PUT', `${module}/${id}`, { data: [body] });
		await this.tick();
	}

	/** The records a list, search or related list answered, oldest first, one more if more there were. */
	private recordShapes(facts: ExchangeFacts): Shape[] {
		const data = valueAt(facts.body, 'data');
		if (!Array.isArray(data)) return [];
		const shapes = [...data].reverse();
		return valueAt(facts.body, 'info.more_records') === true ? [shapes[0], ...shapes] : shapes;
	}

	private async prepare(facts: ExchangeFacts): Promise<{ path: string; body?: Json }> {
		const ids: string[] = [];
		for (const fact of facts.ids) ids.push(await this.resolveId(facts, fact));
		this.pathIds = ids;
		const [module, second, related] = facts.path.replace('/bigin/v2/', '').split('/');
		const query = new URLSearchParams(facts.query ?? {}).toString();
		let index = 0;
		const path = facts.path.replace(/\{[^}]+\}/g, () => ids[index++]) + (query ? `?${query}` : '');
		const body =
			facts.requestBody === undefined
				? undefined
				: await this.requestBody(facts, module, facts.requestBody, '');

		if (module === 'actions') await this.prepareWatch(facts);
		else if (['settings', 'users', 'org'].includes(module)) {
			// Nothing to create: the org's settings and users are there.
		} else if (related !== undefined) await this.prepareRelated(facts, module, ids, related);
		else if (facts.method === 'GET' && second === undefined) {
			await this.client.control('DELETE', `records/${module}`);
			for (const shape of this.recordShapes(facts)) await this.createRecord(module, shape);
		} else if (facts.method === 'GET' && second === 'search') {
			await this.client.control('DELETE', `records/${module}`);
			for (const [position, shape] of this.recordShapes(facts).entries())
				await this.createRecord(module, shape, this.matching(facts.query ?? {}, position));
		} else if (second === 'upsert' && valueAt(facts.body, 'data[0].action') === 'update') {
			await this.createDuplicate(module, body);
		}
		return { path, body };
	}

	/** Values that make a record match a search's criteria, email, phone or word. */
	private matching(query: Record<string, string>, position: number): JsonObject {
		if (query.email) return { Email: query.email };
		if (query.phone) return { Phone: query.phone };
		const criterion = /^\((\w+):(\w+):(.*)\)$/.exec(query.criteria ?? '');
		if (!criterion) throw new Error(`cannot replay the search ${JSON.stringify(query)}`);
		const [, field, operator, value] = criterion;
		return { [field]: operator === 'equals' ? value : `${value} ${position + 1}` };
	}

	/** An upsert Bigin answered as an update found a record with the same duplicate-check values. */
	private async createDuplicate(module: string, body: Json | undefined): Promise<void> {
		const checked = valueAt(body, 'duplicate_check_fields');
		const record = valueAt(body, 'data[0]');
		if (!Array.isArray(checked) || !isObject(record)) return;
		const given = Object.fromEntries(
			checked.map((field) => [String(field), record[String(field)]]),
		);
		await this.createRecord(module, undefined, given);
	}

	private async prepareRelated(
		facts: ExchangeFacts,
		module: string,
		ids: string[],
		related: string,
	): Promise<void> {
		const [parentId, relatedId] = ids;
		if (facts.method === 'GET') {
			for (const shape of this.recordShapes(facts)) {
				if (module === 'Accounts' && related === 'Contacts') {
					await this.createRecord(related, shape, { Account_Name: { id: parentId } });
				} else {
					await this.link(module, parentId, related, await this.createRecord(related, shape));
				}
			}
			return;
		}
		const linkedBefore =
			facts.method === 'DELETE' || valueAt(facts.body, 'data[0].message') === 'relation updated';
		if (linkedBefore) await this.link(module, parentId, related, relatedId);
	}

	private async prepareWatch(facts: ExchangeFacts): Promise<void> {
		if (facts.method === 'GET') {
			const channel = valueAt(facts.body, 'watch[0]');
			if (!isObject(channel)) return;
			await this.api('POST', 'actions/watch', {
				watch: [
					{
						channel_id: channel.channel_id,
						events: channel.events,
						notify_url: channel.notify_url,
						notify_on_related_action: channel.notify_on_related_action,
						return_affected_field_values: channel.return_affected_field_values,
					},
				],
			});
		}
		if (facts.method === 'DELETE') {
			await this.api('POST', 'actions/watch', {
				watch: [
					{
						channel_id: facts.query?.channel_ids,
						events: ['Contacts.create'],
						notify_url: 'https://example.com/webhook',
					},
				],
			});
		}
	}

	/**
	 * A request body from its recorded shape: kept values as recorded, record ids resolved, and a
	 * made-up value of the right type for each field of a record.
	 */
	private async requestBody(
		facts: ExchangeFacts,
		module: string,
		shape: Shape,
		path: string,
		field?: FieldMetadata,
	): Promise<Json | undefined> {
		const idFact = facts.requestIds?.[path];
		if (idFact) return await this.requestId(facts, idFact);
		if (Array.isArray(shape)) {
			if (field) return await this.valueFor(field);
			const entries: Json[] = [];
			for (const [index, entry] of shape.entries()) {
				const value = await this.requestBody(facts, module, entry, `${path}[${index}]`);
				if (value !== undefined) entries.push(value);
			}
			return entries;
		}
		if (isObject(shape)) {
			const record = /^data\[\d+\]$/.test(path);
			const metadata = record ? await this.fields(module) : [];
			const body: JsonObject = {};
			for (const [key, entry] of Object.entries(shape)) {
				const keyPath = path === '' ? key : `${path}.${key}`;
				const described = metadata.find((candidate) => candidate.api_name === key);
				const value =
					described && !isObject(entry)
						? await this.valueFor(described)
						: await this.requestBody(facts, module, entry, keyPath);
				if (value !== undefined) body[key] = value;
			}
			return body;
		}
		if (typeof shape === 'string' && /^<\w+>$/.test(shape))
			throw new Error(`no value to send at ${path} (${shape})`);
		return shape;
	}

	private async requestId(facts: ExchangeFacts, fact: IdFact): Promise<string> {
		if (fact.answeredBy)
			return String(valueAt(this.answers[fact.answeredBy.exchange], fact.answeredBy.at));
		const pathPosition = facts.ids.findIndex(
			(candidate) => JSON.stringify(candidate) === JSON.stringify(fact),
		);
		if (pathPosition >= 0) return this.pathIds[pathPosition];
		if (fact.field === 'Owner') return await this.firstUserId();
		const module = facts.path.replace('/bigin/v2/', '').split('/')[0];
		const field = (await this.fields(module)).find((entry) => entry.api_name === fact.field);
		const target = field?.lookup.module?.api_name;
		if (!target) throw new Error(`cannot resolve the id of ${fact.field ?? fact.module}`);
		return await this.createRecord(target);
	}
}
