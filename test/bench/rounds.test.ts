import { roundOrder } from '../../bench/rounds';

const orders = (targets: number, rounds: number) =>
	Array.from({ length: rounds }, (_, round) => roundOrder(targets, round));

describe('roundOrder', () => {
	it('runs every target once per round', () => {
		for (const order of orders(3, 12)) expect([...order].sort()).toEqual([0, 1, 2]);
	});

	it('alternates two targets, so each goes first as often as the other', () => {
		expect(orders(2, 4)).toEqual([
			[0, 1],
			[1, 0],
			[1, 0],
			[0, 1],
		]);
	});

	it('runs every order of three targets once in six rounds', () => {
		const seen = new Set(orders(3, 6).map((order) => order.join()));
		expect(seen.size).toBe(6);
	});

	it('puts each of three targets in each position equally often over six rounds', () => {
		for (let target = 0; target < 3; target++)
			for (let position = 0; position < 3; position++)
				expect(orders(3, 6).filter((order) => order[position] === target)).toHaveLength(2);
	});

	it('puts each of four targets in each position equally often over eight rounds', () => {
		for (let target = 0; target < 4; target++)
			for (let position = 0; position < 4; position++)
				expect(orders(4, 8).filter((order) => order[position] === target)).toHaveLength(2);
	});
});
