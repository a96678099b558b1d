import { defineTests } from '../../src/testkit';

type Args = [k: number, n: number];

export default defineTests<Args>({
  cases: [
    { name: 'example 1', args: [3, 7], sample: true, expected: [[1, 2, 4]] },
    {
      name: 'example 2',
      args: [3, 9],
      sample: true,
      expected: [
        [1, 2, 6],
        [1, 3, 5],
        [2, 3, 4],
      ],
    },
    { name: 'example 3: sum too small for k numbers', args: [4, 1], sample: true, expected: [] },
    { name: 'smallest k and n', args: [2, 1], expected: [] },
    { name: 'a pair cannot repeat a number', args: [2, 2], expected: [] },
    { name: 'smallest pair', args: [2, 3], expected: [[1, 2]] },
    { name: 'largest pair', args: [2, 17], expected: [[8, 9]] },
    { name: 'nine plus nine is not allowed', args: [2, 18], expected: [] },
    {
      name: 'pairs without five plus five',
      args: [2, 10],
      expected: [
        [1, 9],
        [2, 8],
        [3, 7],
        [4, 6],
      ],
    },
    { name: 'smallest triple', args: [3, 6], expected: [[1, 2, 3]] },
    { name: 'largest triple', args: [3, 24], expected: [[7, 8, 9]] },
    {
      name: 'lines of the magic square',
      args: [3, 15],
      expected: [
        [1, 5, 9],
        [1, 6, 8],
        [2, 4, 9],
        [2, 5, 8],
        [2, 6, 7],
        [3, 4, 8],
        [3, 5, 7],
        [4, 5, 6],
      ],
    },
    { name: 'four smallest numbers', args: [4, 10], expected: [[1, 2, 3, 4]] },
    { name: 'five smallest numbers', args: [5, 15], expected: [[1, 2, 3, 4, 5]] },
    { name: 'seven smallest numbers', args: [7, 28], expected: [[1, 2, 3, 4, 5, 6, 7]] },
    { name: 'eight numbers without nine', args: [8, 36], expected: [[1, 2, 3, 4, 5, 6, 7, 8]] },
    { name: 'eight numbers without one', args: [8, 44], expected: [[2, 3, 4, 5, 6, 7, 8, 9]] },
    { name: 'all nine numbers', args: [9, 45], expected: [[1, 2, 3, 4, 5, 6, 7, 8, 9]] },
    { name: 'nine numbers, wrong sum', args: [9, 44], expected: [] },
    { name: 'largest n is out of reach', args: [4, 60], expected: [] },
    { name: 'just above the largest sum of k numbers', args: [3, 25], expected: [] },
  ],
  generators: [
    { name: 'random k and n', count: 40, seed: 31, make: (rng) => [rng.int(2, 9), rng.int(1, 60)] },
    { name: 'k and n with many answers', count: 15, seed: 32, make: (rng) => [rng.int(3, 6), rng.int(15, 30)] },
    { name: 'largest answer', count: 1, seed: 33, make: () => [5, 25] },
  ],
});
