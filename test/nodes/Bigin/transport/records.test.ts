import { NodeApiError } from 'n8n-workflow';

import { BiginApiError } from '../../../../nodes/Bigin/transport/errors';
import {
	MAX_FIELDS_PER_READ,
	asksForFields,
	fieldBatches,
} from '../../../../nodes/Bigin/transport/records';
import { testNode } from '../../../../tools/contexts/nodeHarness';

const node = testNode('biginTrigger');
const biginError = (httpCode: number, code: string, details = {}) =>
	new BiginApiError(node, { code, message: 'm', status: 'error', details }, { httpCode });

describe('Reading records: the fields parameter', () => {
	it('splits a field list into groups of at most 50, keeping every field once and in order', () => {
		const names = Array.from({ length: 120 }, (_, index) => `Field_${index}`);
		const batches = fieldBatches(names);
		expect(batches.map((batch) => batch.length)).toEqual([50, 50, 20]);
		expect(batches.flat()).toEqual(names);
		expect(MAX_FIELDS_PER_READ).toBe(50);
		expect(fieldBatches([])).toEqual([]);
	});

	it.each([
		['REQUIRED_PARAM_MISSING', 400, 'REQUIRED_PARAM_MISSING', { param: 'fields' }, true],
		['REQUIRED_PARAM_MISSING without details', 400, 'REQUIRED_PARAM_MISSING', {}, true],
		['another 400 naming fields', 400, 'INVALID_DATA', { param_name: 'fields' }, true],
		['a 400 about something else', 400, 'INVALID_DATA', { api_name: 'id' }, false],
		['a 429', 429, 'TOO_MANY_REQUESTS', {}, false],
		['a scope error', 401, 'OAUTH_SCOPE_MISMATCH', {}, false],
	])('knows whether Bigin asks for fields: %s', (_label, status, code, details, expected) => {
		expect(asksForFields(biginError(status, code, details))).toBe(expected);
	});

	it('does not take an error from elsewhere for a request for fields', () => {
		expect(asksForFields(new NodeApiError(node, { message: 'REQUIRED_PARAM_MISSING' }))).toBe(
			false,
		);
		expect(asksForFields(new Error('REQUIRED_PARAM_MISSING'))).toBe(false);
	});
});
