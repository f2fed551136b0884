import type { MatrixVersion } from '../../../tools/compatibility/matrix';
import { MATRIX, installBeside } from '../../../tools/compatibility/matrix';
import { DEFAULT_N8N_VERSION } from '../../../tools/n8n/paths';

describe('compatibility matrix', () => {
	it('runs the whole suite on the pinned n8n, last, and the compatibility scenarios on the newest 1.x and another 2.x', () => {
		expect(MATRIX[MATRIX.length - 1]).toMatchObject({ n8n: DEFAULT_N8N_VERSION, suite: 'whole' });
		const others = MATRIX.slice(0, -1);
		expect(others.every((entry) => entry.suite === 'compatibility')).toBe(true);
		expect(others.map((entry) => entry.n8n.split('.')[0]).sort()).toEqual(['1', '2']);
	});

	it('installs each version beside the previous one’s compatibility scenarios, never beside the whole suite', () => {
		expect(MATRIX.map((_, index) => installBeside(MATRIX, index)?.n8n)).toEqual([
			...MATRIX.slice(1).map((entry) => entry.n8n),
			undefined,
		]);
		const wholeFirst: MatrixVersion[] = [
			{ n8n: '2.40.7', role: 'pinned', suite: 'whole' },
			{ n8n: '2.41.1', role: 'newer', suite: 'compatibility' },
		];
		expect(installBeside(wholeFirst, 0)).toBeUndefined();
	});
});
