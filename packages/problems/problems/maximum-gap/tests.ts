import { defineTests, type Rng } from '../../src/testkit';

type Args = [nums: number[]];

const MAX_N = 100_000;
const MAX_VALUE = 1_000_000_000;

/** Evenly spaced values lo, lo + step, ... with one neighbour gap widened by `extra`, shuffled. */
function spacedWithOneWideGap(rng: Rng, n: number, step: number, extra: number): number[] {
  const wideAt = rng.int(1, n - 1);
  const values = Array.from({ length: n }, (_, i) => i * step + (i >= wideAt ? extra : 0));
  return rng.shuffle(values);
}

/** Values in a few tight clusters spread over the whole range: the answer is a gap between clusters. */
function clustered(rng: Rng, n: number): number[] {
  const centres = rng.array(rng.int(2, 6), () => rng.int(1_000, MAX_VALUE - 1_000));
  return rng.array(n, () => rng.pick(centres) + rng.int(-1_000, 1_000));
}

export default defineTests<Args>({
  cases: [
    { name: 'example 1', args: [[3, 6, 9, 1]], sample: true, expected: 3 },
    { name: 'example 2: a single element', args: [[10]], sample: true, expected: 0 },
    { name: 'example 3: equal neighbours', args: [[1, 10_000_000, 10_000_000]], sample: true, expected: 9_999_999 },
    { name: 'empty array', args: [[]], expected: 0 },
    { name: 'two elements, ascending', args: [[1, 5]], expected: 4 },
    { name: 'two elements, descending, full range', args: [[1e9, 0]], expected: 1e9 },
    { name: 'two equal elements', args: [[5, 5]], expected: 0 },
    { name: 'all elements equal', args: [[7, 7, 7, 7, 7]], expected: 0 },
    { name: 'all zeros', args: [[0, 0, 0]], expected: 0 },
    { name: 'string order differs from numeric order', args: [[10, 2, 30]], expected: 20 },
    { name: 'string order, different lengths', args: [[100, 9, 25]], expected: 75 },
    { name: 'evenly spaced, shuffled', args: [[30, 0, 40, 10, 20]], expected: 10 },
    { name: 'widest gap at the start', args: [[103, 0, 101, 100, 102]], expected: 100 },
    { name: 'widest gap at the end', args: [[4, 1000, 2, 3, 1]], expected: 996 },
    { name: 'gap spans an empty bucket', args: [[1, 2, 100]], expected: 98 },
    { name: 'range smaller than the count', args: [[1, 3, 4, 3, 1]], expected: 2 },
    { name: 'duplicates on both sides of the gap', args: [[5, 5, 5, 1, 1, 1]], expected: 4 },
    { name: 'consecutive integers', args: [[4, 2, 3, 1, 5]], expected: 1 },
    { name: 'zero and a repeated value', args: [[0, 0, 3]], expected: 3 },
    { name: 'extremes and the middle', args: [[0, 1e9, 500_000_000]], expected: 500_000_000 },
    { name: 'cluster then a far outlier', args: [[1, 1, 2, 2, 3, 1e9]], expected: 999_999_997 },
    { name: 'all gaps equal to the bucket width', args: [[0, 3, 6, 9, 12, 15, 18, 21]], expected: 3 },
  ],
  generators: [
    {
      name: 'random small with duplicates',
      count: 30,
      seed: 1,
      make: (rng) => [rng.array(rng.int(0, 8), () => rng.int(0, 20))],
    },
    {
      name: 'random medium',
      count: 20,
      seed: 2,
      make: (rng) => [rng.array(rng.int(2, 2_000), () => rng.int(0, MAX_VALUE))],
    },
    { name: 'clustered', count: 10, seed: 3, make: (rng) => [clustered(rng, rng.int(2, 5_000))] },
    {
      name: 'evenly spaced with one wide gap',
      count: 6,
      seed: 4,
      make: (rng) => [spacedWithOneWideGap(rng, rng.int(2, 10_000), rng.int(1, 50_000), rng.int(0, 5))],
    },
    {
      name: 'maximum size, random values',
      count: 1,
      seed: 5,
      make: (rng) => [rng.array(MAX_N, () => rng.int(0, MAX_VALUE))],
    },
    {
      name: 'maximum size, dense values with duplicates',
      count: 1,
      seed: 6,
      make: (rng) => [rng.array(MAX_N, () => rng.int(0, 2 * MAX_N))],
    },
    {
      name: 'maximum size, evenly spaced with one wide gap',
      count: 1,
      seed: 7,
      make: (rng) => [spacedWithOneWideGap(rng, MAX_N, 10_000, 1)],
    },
  ],
});
