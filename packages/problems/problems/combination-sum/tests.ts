import { defineTests, type Rng } from '../../src/testkit';

type Args = [candidates: number[], target: number];

/** `count` distinct integers from [lo, hi], in random order. */
function distinct(rng: Rng, count: number, lo: number, hi: number): number[] {
  const pool = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  return rng.shuffle(pool).slice(0, count);
}

export default defineTests<Args>({
  cases: [
    { name: 'example 1', args: [[2, 3, 6, 7], 7], sample: true, expected: [[2, 2, 3], [7]] },
    {
      name: 'example 2',
      args: [[2, 3, 5], 8],
      sample: true,
      expected: [
        [2, 2, 2, 2],
        [2, 3, 3],
        [3, 5],
      ],
    },
    { name: 'example 3: no combination', args: [[2], 1], sample: true, expected: [] },
    { name: 'target below every candidate', args: [[5, 6], 4], expected: [] },
    { name: 'one candidate, many copies', args: [[2], 8], expected: [[2, 2, 2, 2]] },
    { name: 'one candidate that does not divide the target', args: [[3], 8], expected: [] },
    { name: 'target equals a candidate', args: [[8, 9], 8], expected: [[8]] },
    { name: 'unsorted input', args: [[7, 3, 2], 7], expected: [[2, 2, 3], [7]] },
    { name: 'unsorted, big candidate first', args: [[8, 2, 3], 7], expected: [[2, 2, 3]] },
    { name: 'even candidates, odd target', args: [[2, 4, 6], 9], expected: [] },
    {
      name: 'two ways with a single number each',
      args: [[2, 3], 6],
      expected: [
        [2, 2, 2],
        [3, 3],
      ],
    },
    {
      name: 'three combinations of three numbers',
      args: [[3, 4, 5], 12],
      expected: [
        [3, 3, 3, 3],
        [3, 4, 5],
        [4, 4, 4],
      ],
    },
    { name: 'candidate larger than the target is ignored', args: [[40, 2], 6], expected: [[2, 2, 2]] },
    {
      name: 'descending input',
      args: [[8, 7, 4, 3], 11],
      expected: [
        [3, 8],
        [4, 7],
        [3, 4, 4],
      ],
    },
    { name: 'largest values', args: [[40], 40], expected: [[40]] },
    {
      name: 'reuse in several combinations',
      args: [[2, 3, 5], 10],
      expected: [
        [2, 2, 2, 2, 2],
        [2, 2, 3, 3],
        [2, 3, 5],
        [5, 5],
      ],
    },
    {
      name: 'multiples',
      args: [[10, 5], 20],
      expected: [
        [5, 5, 5, 5],
        [5, 5, 10],
        [10, 10],
      ],
    },
    { name: 'coprime pair, single solution', args: [[7, 11], 40], expected: [[7, 11, 11, 11]] },
    { name: 'target 1 is never reachable', args: [[2, 3, 4, 5], 1], expected: [] },
  ],
  generators: [
    {
      name: 'random small',
      count: 30,
      seed: 11,
      make: (rng) => [distinct(rng, rng.int(1, 5), 2, 12), rng.int(1, 20)],
    },
    {
      name: 'random medium',
      count: 25,
      seed: 12,
      make: (rng) => [distinct(rng, rng.int(1, 30), 2, 40), rng.int(1, 40)],
    },
    {
      name: 'small candidates, big target',
      count: 10,
      seed: 13,
      make: (rng) => [distinct(rng, rng.int(3, 10), 2, 12), rng.int(30, 40)],
    },
    {
      name: 'maximum size',
      count: 1,
      seed: 14,
      make: (rng) => [rng.shuffle(Array.from({ length: 30 }, (_, i) => i + 2)), 40],
    },
  ],
});
