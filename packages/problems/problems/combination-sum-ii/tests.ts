import { defineTests } from '../../src/testkit';

type Args = [candidates: number[], target: number];

export default defineTests<Args>({
  cases: [
    {
      name: 'example 1',
      args: [[10, 1, 2, 7, 6, 1, 5], 8],
      sample: true,
      expected: [
        [1, 1, 6],
        [1, 2, 5],
        [1, 7],
        [2, 6],
      ],
    },
    { name: 'example 2', args: [[2, 5, 2, 1, 2], 5], sample: true, expected: [[1, 2, 2], [5]] },
    { name: 'example 3: copies used once each', args: [[1, 1, 1], 2], sample: true, expected: [[1, 1]] },
    { name: 'single element equal to the target', args: [[1], 1], expected: [[1]] },
    { name: 'single element, target out of reach', args: [[1], 2], expected: [] },
    { name: 'not enough copies', args: [[1, 1], 3], expected: [] },
    { name: 'all copies of one value', args: [[1, 1, 1, 1, 1], 3], expected: [[1, 1, 1]] },
    { name: 'sixteen ones', args: [new Array<number>(16).fill(1), 8], expected: [[1, 1, 1, 1, 1, 1, 1, 1]] },
    { name: 'two of three equal values', args: [[2, 2, 2], 4], expected: [[2, 2]] },
    { name: 'equal values at different depths', args: [[1, 1, 2], 4], expected: [[1, 1, 2]] },
    { name: 'no reuse of a single element', args: [[2, 3], 6], expected: [] },
    { name: 'every candidate above the target', args: [[50, 40, 31], 30], expected: [] },
    { name: 'all elements together', args: [[4, 3, 2, 1], 10], expected: [[1, 2, 3, 4]] },
    { name: 'distinct values: plain subset sum', args: [[1, 2, 3, 4, 5], 5], expected: [[1, 4], [2, 3], [5]] },
    { name: 'one to eight', args: [[8, 7, 6, 5, 4, 3, 2, 1], 8], expected: [[8], [1, 7], [2, 6], [3, 5], [1, 2, 5], [1, 3, 4]] },
    {
      name: 'several values repeated',
      args: [[4, 4, 2, 1, 4, 2, 2, 1, 3], 6],
      expected: [
        [2, 4],
        [1, 1, 4],
        [1, 2, 3],
        [2, 2, 2],
        [1, 1, 2, 2],
      ],
    },
    {
      name: 'everything but a little',
      args: [[10, 1, 2, 7, 6, 1, 5], 30],
      expected: [
        [1, 1, 5, 6, 7, 10],
        [2, 5, 6, 7, 10],
      ],
    },
    { name: 'many copies of two values', args: [[3, 3, 3, 3, 5, 5, 5], 11], expected: [[3, 3, 5]] },
    {
      name: 'largest target',
      args: [[15, 15, 15, 10, 10, 10, 5], 30],
      expected: [
        [15, 15],
        [10, 10, 10],
        [5, 10, 15],
      ],
    },
    { name: 'value equal to the largest target', args: [[50, 30, 30], 30], expected: [[30]] },
  ],
  generators: [
    {
      name: 'random small with duplicates',
      count: 30,
      seed: 21,
      make: (rng) => [rng.array(rng.int(1, 10), () => rng.int(1, 8)), rng.int(1, 15)],
    },
    {
      name: 'random medium',
      count: 20,
      seed: 22,
      make: (rng) => [rng.array(rng.int(10, 60), () => rng.int(1, 50)), rng.int(1, 30)],
    },
    {
      name: 'many copies of a few values',
      count: 10,
      seed: 23,
      make: (rng) => {
        const values = rng.array(rng.int(2, 4), () => rng.int(3, 12));
        return [rng.array(rng.int(8, 20), () => rng.pick(values)), rng.int(10, 30)];
      },
    },
    {
      name: 'maximum length, large values with many copies',
      count: 2,
      seed: 24,
      make: (rng) => [rng.array(100, () => rng.int(8, 30)), 30],
    },
    {
      name: 'maximum size',
      count: 3,
      seed: 25,
      make: (rng) => [rng.array(100, () => rng.int(1, 50)), 30],
    },
  ],
});
