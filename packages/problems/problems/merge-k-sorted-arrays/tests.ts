import { defineTests, type Rng } from '../../src/testkit';

type Args = [lists: number[][]];

const BOUND = 1_000_000_000;

const sortedArray = (rng: Rng, length: number, lo: number, hi: number): number[] =>
  rng.array(length, () => rng.int(lo, hi)).sort((a, b) => a - b);

/** k sorted arrays with lengths from `length`. */
const lists = (rng: Rng, k: number, length: () => number, lo: number, hi: number): number[][] =>
  rng.array(k, () => sortedArray(rng, length(), lo, hi));

/** Splits `total` elements over k arrays at random cut points, so lengths vary widely. */
function randomPartition(rng: Rng, k: number, total: number): number[][] {
  const cuts = rng.array(k - 1, () => rng.int(0, total)).sort((a, b) => a - b);
  const bounds = [0, ...cuts, total];
  return rng.array(k, (i) => sortedArray(rng, bounds[i + 1]! - bounds[i]!, -BOUND, BOUND));
}

export default defineTests<Args>({
  cases: [
    {
      name: 'example 1',
      args: [
        [
          [1, 4, 5],
          [1, 3, 4],
          [2, 6],
        ],
      ],
      sample: true,
      expected: [1, 1, 2, 3, 4, 4, 5, 6],
    },
    { name: 'example 2: no arrays', args: [[]], sample: true, expected: [] },
    { name: 'example 3: empty arrays around one element', args: [[[], [3], []]], sample: true, expected: [3] },
    { name: 'one empty array', args: [[[]]], expected: [] },
    { name: 'only empty arrays', args: [[[], [], []]], expected: [] },
    { name: 'a single array', args: [[[-3, 0, 7]]], expected: [-3, 0, 7] },
    { name: 'single elements', args: [[[5], [1], [3]]], expected: [1, 3, 5] },
    {
      name: 'negatives',
      args: [
        [
          [-10, -5],
          [-7, -6, -1],
        ],
      ],
      expected: [-10, -7, -6, -5, -1],
    },
    {
      name: 'numbers that sort differently as strings',
      args: [
        [
          [2, 10],
          [9, 100],
        ],
      ],
      expected: [2, 9, 10, 100],
    },
    {
      name: 'negatives that sort differently as strings',
      args: [
        [
          [-20, -1, 3],
          [-100, 25],
        ],
      ],
      expected: [-100, -20, -1, 3, 25],
    },
    { name: 'equal values everywhere', args: [[[1, 1, 1], [1, 1], [1]]], expected: [1, 1, 1, 1, 1, 1] },
    {
      name: 'duplicates inside and across arrays',
      args: [
        [
          [0, 2, 2],
          [2, 2, 3],
          [-1, 2],
        ],
      ],
      expected: [-1, 0, 2, 2, 2, 2, 2, 3],
    },
    { name: 'extreme values', args: [[[-BOUND, BOUND], [-BOUND], [BOUND]]], expected: [-BOUND, -BOUND, BOUND, BOUND] },
    { name: 'empty arrays mixed in', args: [[[], [3], [], [1, 2], []]], expected: [1, 2, 3] },
    {
      name: 'ranges in reverse order',
      args: [
        [
          [7, 8, 9],
          [4, 5, 6],
          [1, 2, 3],
        ],
      ],
      expected: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    },
    {
      name: 'fully interleaved',
      args: [
        [
          [1, 4, 7],
          [2, 5, 8],
          [3, 6, 9],
        ],
      ],
      expected: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    },
    { name: 'long array and a short one', args: [[[0, 2, 4, 6, 8, 10, 12], [5]]], expected: [0, 2, 4, 5, 6, 8, 10, 12] },
    {
      name: 'zeros and extremes',
      args: [
        [
          [0, 0],
          [-BOUND, 0, BOUND],
        ],
      ],
      expected: [-BOUND, 0, 0, 0, BOUND],
    },
  ],
  generators: [
    { name: 'random small', count: 30, seed: 7101, make: (rng) => [lists(rng, rng.int(0, 6), () => rng.int(0, 5), -5, 5)] },
    { name: 'random medium', count: 15, seed: 7102, make: (rng) => [lists(rng, rng.int(1, 200), () => rng.int(0, 100), -BOUND, BOUND)] },
    {
      name: 'mostly empty arrays',
      count: 3,
      seed: 7103,
      make: (rng) => [lists(rng, 1000, () => (rng.bool(0.95) ? 0 : rng.int(1, 20)), -BOUND, BOUND)],
    },
    {
      name: 'one long array and many single elements',
      count: 2,
      seed: 7104,
      make: (rng) => [rng.shuffle([sortedArray(rng, 20_000, -BOUND, BOUND), ...lists(rng, 2000, () => 1, -BOUND, BOUND)])],
    },
    { name: 'maximum size, two arrays', count: 1, seed: 7105, make: (rng) => [lists(rng, 2, () => 50_000, -BOUND, BOUND)] },
    { name: 'maximum size, 10^4 arrays of 10', count: 1, seed: 7106, make: (rng) => [lists(rng, 10_000, () => 10, -BOUND, BOUND)] },
    { name: 'maximum size, 10^4 arrays of random lengths', count: 1, seed: 7107, make: (rng) => [randomPartition(rng, 10_000, 100_000)] },
  ],
});
