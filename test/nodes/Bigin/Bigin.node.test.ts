import type { INodePropertyOptions } from 'n8n-workflow';

import { Bigin } from '../../../nodes/Bigin/Bigin.node';

describe('Bigin node description', () => {
	const node = new Bigin();

	it('describes itself for the editor and for AI agents', () => {
		const { description } = node;
		expect(description).toMatchObject({
			name: 'bigin',
			usableAsTool: true,
			subtitle: expect.stringContaining('operation'),
		});
		const operations = description.properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes('notification'),
		);
		expect((operations?.options as INodePropertyOptions[]).map((option) => option.value)).toEqual([
			'disable',
			'disableEvents',
			'enable',
			'getAll',
			'renew',
			'update',
		]);
		expect(
			(operations?.options as INodePropertyOptions[]).every(
				(option) => typeof option.action === 'string' && typeof option.description === 'string',
			),
		).toBe(true);
	});

	it('offers the Record operations, each with a description and an action an AI agent can pick from', () => {
		const operations = node.description.properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes('record'),
		);
		const options = operations?.options as INodePropertyOptions[];
		expect(options.map((option) => option.value)).toEqual([
			'count',
			'create',
			'upsert',
			'delete',
			'get',
			'getAll',
			'getRelated',
			'linkProduct',
			'query',
			'search',
			'unlinkProduct',
			'update',
		]);
		expect(options.every((option) => option.action && option.description)).toBe(true);
	});

	it('names only methods it has (loadOptions, listSearch, resourceMapping)', () => {
		const named = JSON.stringify(node.description.properties);
		const referenced = (key: string) =>
			[...named.matchAll(new RegExp(`"${key}":"(\\w+)"`, 'g'))].map((match) => match[1]);
		const methods = node.methods as unknown as Record<string, Record<string, unknown>>;
		for (const name of referenced('loadOptionsMethod'))
			expect(methods.loadOptions[name]).toBeInstanceOf(Function);
		for (const name of referenced('searchListMethod'))
			expect(methods.listSearch[name]).toBeInstanceOf(Function);
		for (const name of referenced('resourceMapperMethod'))
			expect(methods.resourceMapping[name]).toBeInstanceOf(Function);
		expect(referenced('loadOptionsMethod').length).toBeGreaterThan(4);
	});
});
