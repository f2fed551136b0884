import { recordIdFromLocator, recordIdProblem } from '../../../../nodes/Bigin/shared/recordLocator';

describe('record locator', () => {
	it.each([
		[{ mode: 'id', value: ' 6756839000000575405 ' }, '6756839000000575405'],
		[{ mode: 'list', value: '6756839000000575405' }, '6756839000000575405'],
		[
			{
				mode: 'url',
				value:
					'https://bigin.zoho.eu/bigin/org20071234/Home#/contacts/6756839000000575405?section=notes',
			},
			'6756839000000575405',
		],
		['https://bigin.zoho.com/bigin/org1/Home#/deals/6756839000000575406', '6756839000000575406'],
		[6756839000000575, '6756839000000575'],
	])('finds the record ID in %p', (locator, id) => {
		expect(recordIdFromLocator(locator)).toBe(id);
	});

	it('says what to fix for an empty or malformed ID', () => {
		expect(recordIdProblem('')).toContain('Record is empty');
		expect(recordIdProblem('12ab')).toContain('is not a Bigin record ID');
		expect(recordIdProblem('6756839000000575405')).toBeUndefined();
	});
});
