import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { refuseIfProblem, refuseItem } from '../../../../../nodes/Bigin/actions/shared/validation';
import { testNode } from '../../../../../tools/contexts/nodeHarness';

const context = { getNode: () => testNode('bigin') } as unknown as IExecuteFunctions;

describe('refusing an item before calling Bigin', () => {
	it('refuses with the message and the index of the item', () => {
		let thrown: unknown;
		try {
			refuseItem(context, 3, 'Record is empty');
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(NodeOperationError);
		expect(thrown).toMatchObject({ message: 'Record is empty', context: { itemIndex: 3 } });
	});

	it('refuses only when a check found a problem', () => {
		expect(() => refuseIfProblem(context, 0, undefined)).not.toThrow();
		expect(() => refuseIfProblem(context, 0, '')).not.toThrow();
		expect(() => refuseIfProblem(context, 1, 'Search Term is empty')).toThrow(
			'Search Term is empty',
		);
	});
});
