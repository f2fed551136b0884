import { ApiError, errorEntry } from './types';

/** A literal in a query: quoted text, a number, true/false, or a bare word (Zoho reads `Stage = Won`). */
export type CoqlValue =
	| { kind: 'text'; text: string }
	| { kind: 'number'; text: string }
	| { kind: 'boolean'; value: boolean }
	| { kind: 'word'; text: string };

export interface FieldRef {
	name: string;
	/** Where the name starts in the query, for error details. */
	position: number;
}

export type Comparator = '=' | '!=' | '<' | '>' | '<=' | '>=';

/** One criterion on one field. */
export type Predicate =
	| { kind: 'compare'; field: FieldRef; comparator: Comparator; value: CoqlValue }
	| { kind: 'between'; field: FieldRef; negated: boolean; low: CoqlValue; high: CoqlValue }
	| { kind: 'in'; field: FieldRef; negated: boolean; values: CoqlValue[] }
	| { kind: 'like'; field: FieldRef; negated: boolean; pattern: CoqlValue }
	| { kind: 'null'; field: FieldRef; negated: boolean };

/** Two criteria joined. */
export interface Junction {
	kind: 'junction';
	joiner: 'and' | 'or';
	left: Condition;
	right: Condition;
}

export type Condition = Predicate | Junction;

export interface CoqlQuery {
	fields: FieldRef[];
	module: string;
	where?: Condition;
	orderBy: Array<{ field: FieldRef; direction: 'asc' | 'desc' }>;
	limit?: number;
	offset?: number;
}

type TokenKind = 'word' | 'text' | 'number' | 'symbol' | 'end';

interface Token {
	kind: TokenKind;
	text: string;
	position: number;
}

const KEYWORDS = new Set([
	'select',
	'from',
	'where',
	'and',
	'or',
	'not',
	'in',
	'like',
	'between',
	'is',
	'null',
	'order',
	'by',
	'asc',
	'desc',
	'limit',
	'offset',
]);

/**
 * Zoho's answer to a query it cannot parse. Zoho CRM's COQL (whose documentation Bigin's borrows)
 * names where parsing stopped; Bigin's pages show no sample, so the simulator gives line, column
 * and the text found there.
 */
export function syntaxError(query: string, position: number, near: string): ApiError {
	const before = query.slice(0, position).split('\n');
	return new ApiError(
		400,
		errorEntry('SYNTAX_ERROR', 'error occurred while parsing the query', {
			line: before.length,
			column: before[before.length - 1].length + 1,
			near: near === '' ? 'end of query' : near,
		}),
	);
}

function tokenize(query: string): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	while (index < query.length) {
		const char = query[index];
		if (/\s/.test(char)) {
			index += 1;
			continue;
		}
		const start = index;
		if (char === "'" || char === '"') {
			let text = '';
			index += 1;
			for (;;) {
				if (index >= query.length) throw syntaxError(query, start, query.slice(start, start + 20));
				if (query[index] === char && query[index + 1] === char) {
					text += char;
					index += 2;
				} else if (query[index] === char) {
					index += 1;
					break;
				} else {
					text += query[index];
					index += 1;
				}
			}
			tokens.push({ kind: 'text', text, position: start });
			continue;
		}
		const number = /^-?\d+(\.\d+)?/.exec(query.slice(index));
		if (number && !/[A-Za-z_]/.test(query[index + number[0].length] ?? '')) {
			tokens.push({ kind: 'number', text: number[0], position: start });
			index += number[0].length;
			continue;
		}
		const word = /^[A-Za-z_$][A-Za-z0-9_$.]*/.exec(query.slice(index));
		if (word) {
			tokens.push({ kind: 'word', text: word[0], position: start });
			index += word[0].length;
			continue;
		}
		const symbol = /^(<=|>=|!=|<>|[=<>(),])/.exec(query.slice(index));
		if (!symbol) throw syntaxError(query, start, char);
		tokens.push({ kind: 'symbol', text: symbol[0] === '<>' ? '!=' : symbol[0], position: start });
		index += symbol[0].length;
	}
	tokens.push({ kind: 'end', text: '', position: query.length });
	return tokens;
}

/**
 * Parses a COQL select: `select F1, F2 from Module [where …] [order by F [asc|desc], …]
 * [limit N [offset M] | limit M, N]`. Keywords are case-insensitive. As Zoho CRM's COQL FAQ
 * documents, one pair of brackets holds at most two criteria: `((A and B) and C)`, not
 * `A and B and C`.
 */
export function parseCoql(query: string): CoqlQuery {
	const tokens = tokenize(query);
	let next = 0;
	const peek = () => tokens[next];
	const fail = (token = peek()): never => {
		throw syntaxError(query, token.position, token.text);
	};
	const isKeyword = (token: Token, keyword: string) =>
		token.kind === 'word' && token.text.toLowerCase() === keyword;
	const accept = (keyword: string): boolean => {
		if (!isKeyword(peek(), keyword)) return false;
		next += 1;
		return true;
	};
	const expect = (keyword: string) => {
		if (!accept(keyword)) fail();
	};
	const acceptSymbol = (symbol: string): boolean => {
		if (peek().kind !== 'symbol' || peek().text !== symbol) return false;
		next += 1;
		return true;
	};
	const expectSymbol = (symbol: string) => {
		if (!acceptSymbol(symbol)) fail();
	};
	const field = (): FieldRef => {
		const token = peek();
		if (token.kind !== 'word' || KEYWORDS.has(token.text.toLowerCase())) fail();
		next += 1;
		return { name: token.text, position: token.position };
	};
	const value = (): CoqlValue => {
		const token = peek();
		next += 1;
		if (token.kind === 'text') return { kind: 'text', text: token.text };
		if (token.kind === 'number') return { kind: 'number', text: token.text };
		if (token.kind === 'word' && ['true', 'false'].includes(token.text.toLowerCase()))
			return { kind: 'boolean', value: token.text.toLowerCase() === 'true' };
		if (token.kind === 'word' && !KEYWORDS.has(token.text.toLowerCase()))
			return { kind: 'word', text: token.text };
		return fail(token);
	};
	const wholeNumber = (): number => {
		const token = peek();
		if (token.kind !== 'number' || !/^\d+$/.test(token.text)) fail();
		next += 1;
		return Number(token.text);
	};

	const predicate = (): Condition => {
		const subject = field();
		if (accept('is')) {
			const negated = accept('not');
			expect('null');
			return { kind: 'null', field: subject, negated };
		}
		const negated = accept('not');
		if (accept('in')) {
			expectSymbol('(');
			const values = [value()];
			while (acceptSymbol(',')) values.push(value());
			expectSymbol(')');
			return { kind: 'in', field: subject, negated, values };
		}
		if (accept('like')) return { kind: 'like', field: subject, negated, pattern: value() };
		if (accept('between')) {
			const low = value();
			expect('and');
			return { kind: 'between', field: subject, negated, low, high: value() };
		}
		if (negated) fail();
		const token = peek();
		if (token.kind !== 'symbol' || !['=', '!=', '<', '>', '<=', '>='].includes(token.text)) fail();
		next += 1;
		return {
			kind: 'compare',
			field: subject,
			comparator: token.text as Comparator,
			value: value(),
		};
	};

	const operand = (): Condition => {
		if (!acceptSymbol('(')) return predicate();
		const inner = criteria();
		expectSymbol(')');
		return inner;
	};

	const criteria = (): Condition => {
		const left = operand();
		const joiner = ['and', 'or'].find((keyword) => isKeyword(peek(), keyword));
		if (!joiner) return left;
		next += 1;
		const right = operand();
		if (isKeyword(peek(), 'and') || isKeyword(peek(), 'or')) fail();
		return { kind: 'junction', joiner: joiner as 'and' | 'or', left, right };
	};

	expect('select');
	const fields = [field()];
	while (acceptSymbol(',')) fields.push(field());
	expect('from');
	const module = field().name;
	const parsed: CoqlQuery = { fields, module, orderBy: [] };
	if (accept('where')) parsed.where = criteria();
	if (accept('order')) {
		expect('by');
		do {
			const sortField = field();
			const descending = accept('desc');
			if (!descending) accept('asc');
			parsed.orderBy.push({ field: sortField, direction: descending ? 'desc' : 'asc' });
		} while (acceptSymbol(','));
	}
	if (accept('limit')) {
		const first = wholeNumber();
		if (acceptSymbol(',')) {
			parsed.offset = first;
			parsed.limit = wholeNumber();
		} else parsed.limit = first;
	}
	if (parsed.offset === undefined && accept('offset')) parsed.offset = wholeNumber();
	if (peek().kind !== 'end') fail();
	return parsed;
}
