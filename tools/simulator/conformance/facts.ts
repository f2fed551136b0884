import type { Json } from '../types';

/**
 * What the conformance suite compares, per recorded exchange with live Bigin. A shape is the
 * recorded JSON with every value replaced by its type (`"<string>"`, `"<number>"`, `"<boolean>"`,
 * `"<null>"`), keys kept in Bigin's order, except the values that do not depend on the org's data
 * (codes, messages, statuses, field metadata flags, …), which stay as recorded.
 */
export type Shape = Json;

export const TYPE_NAMES = ['<string>', '<number>', '<boolean>', '<null>'] as const;

/** Where a record id of a request comes from. */
export interface IdFact {
	/** The module (or `users`) the id belongs to, for ids in the path. */
	module?: string;
	/** The lookup field that holds the id, for ids in a request body (its module is the field's). */
	field?: string;
	/** Where an earlier exchange of the same recording answered this id, e.g. `data[0].details.id`. */
	answeredBy?: { exchange: number; at: string };
	/** Where this exchange's own answer shows the record the id names (its fields to recreate). */
	shownAt?: string;
}

export interface ExchangeFacts {
	method: string;
	/** The path with record ids replaced by `{Module}` placeholders, in `ids` order. */
	path: string;
	ids: IdFact[];
	query?: Record<string, string>;
	requestBody?: Shape;
	/** Record ids inside the request body, by JSON path (e.g. `data[0].Account_Name.id`). */
	requestIds?: Record<string, IdFact>;
	status: number;
	contentType: string | null;
	/** The answer's shape; the empty string for an empty body (a 204). */
	body: Shape;
	/**
	 * Per array of records (by JSON path), the keys by which Bigin answered them in descending
	 * order: `Created_Time` and `id` for lists (newest first), `Modified_Time` for searches.
	 */
	descending?: Record<string, string[]>;
}

export interface RecordingFacts {
	name: string;
	exchanges: ExchangeFacts[];
}

export interface ConformanceFacts {
	about: string;
	recordings: RecordingFacts[];
}
