import { defineTests, type Rng } from '../../src/testkit';

type Args = [nums: number[], indexDiff: number, valueDiff: number];

const BOUND = 1_000_000_000;
const N = 100_000;

/** n distinct values at least `gap` apart, in random order: no two of them are within gap - 1. */
function spreadValues(rng: Rng, n: number, gap: number): number[] {
  const start = rng.int(-BOUND, BOUND - (n - 1) * gap);
  return rng.shuffle(rng.array(n, (i) => start + i * gap));
}

function randomMedium(rng: Rng): Args {
  const n = rng.int(100, 3000);
  const range = rng.pick([1000, 1_000_000, BOUND]);
  const nums = rng.array(n, () => rng.int(-range, range));
  const indexDiff = rng.int(1, rng.pick([5, 50, n]));
  // About n * indexDiff pairs are compared, each close with probability ~ valueDiff / range: aim near one close pair.
  const valueDiff = rng.int(0, Math.ceil((2 * range) / (n * indexDiff)));
  return [nums, indexDiff, valueDiff];
}

/** Values spaced exactly valueDiff + 1 or valueDiff apart along the array: the answer hinges on one comparison. */
function nearMiss(rng: Rng): Args {
  const valueDiff = rng.int(0, 1000);
  const n = rng.int(50, 500);
  const step = valueDiff + 1;
  const start = rng.int(-BOUND, BOUND - n * step);
  const nums = rng.array(n, (i) => start + i * step);
  if (rng.bool()) {
    const i = rng.int(1, n - 1);
    nums[i] = nums[i]! - 1; // now nums[i] - nums[i - 1] = valueDiff
  }
  return [rng.bool() ? nums : nums.reverse(), rng.int(1, 3), valueDiff];
}

export default defineTests<Args>({
  cases: [
    { name: 'example 1', args: [[1, 2, 3, 1], 3, 0], sample: true, expected: true },
    { name: 'example 2', args: [[1, 5, 9, 1, 5, 9], 2, 3], sample: true, expected: false },
    { name: 'example 3', args: [[1, 0, 1, 1], 1, 2], sample: true, expected: true },
    { name: 'single element', args: [[5], 1, 0], expected: false },
    { name: 'equal zeros', args: [[0, 0], 1, 0], expected: true },
    { name: '-1 and 1 are 2 apart', args: [[-1, 1], 1, 1], expected: false },
    { name: '-1 and 1 within valueDiff 2', args: [[-1, 1], 1, 2], expected: true },
    { name: '-2 and 2 share a truncated bucket', args: [[-2, 2], 1, 2], expected: false },
    { name: 'negatives in adjacent buckets', args: [[-4, -2], 1, 2], expected: true },
    { name: 'close values in adjacent buckets', args: [[1, 2], 1, 1], expected: true },
    { name: 'duplicate too far back', args: [[1, 5, 1], 1, 0], expected: false },
    { name: 'duplicate just in range', args: [[1, 5, 1], 2, 0], expected: true },
    { name: 'duplicate 4 apart, indexDiff 3', args: [[7, 1, 2, 3, 7], 3, 0], expected: false },
    { name: 'duplicate 4 apart, indexDiff 4', args: [[7, 1, 2, 3, 7], 4, 0], expected: true },
    { name: 'negative duplicates', args: [[-5, 3, -5], 2, 0], expected: true },
    { name: 'steps of 2 with valueDiff 1', args: [[10, 8, 6, 4], 1, 1], expected: false },
    { name: 'steps of 2 with valueDiff 2', args: [[10, 8, 6, 4], 1, 2], expected: true },
    { name: 'distinct values, whole array in range', args: [[1, 2, 3, 4, 5], 5, 0], expected: false },
    { name: 'extremes 2e9 apart', args: [[-BOUND, BOUND], 1, BOUND], expected: false },
    { name: 'extremes 1e9 apart', args: [[0, BOUND], 1, BOUND], expected: true },
    { name: 'duplicate extremes', args: [[-BOUND, -BOUND], 1, 0], expected: true },
  ],
  generators: [
    {
      name: 'random small',
      count: 30,
      seed: 8101,
      make: (rng) => {
        const n = rng.int(1, 10);
        return [rng.array(n, () => rng.int(-12, 12)), rng.int(1, n), rng.int(0, 2)];
      },
    },
    { name: 'random medium', count: 15, seed: 8102, make: randomMedium },
    { name: 'near misses', count: 8, seed: 8103, make: nearMiss },
    { name: 'maximum size, distinct values, whole array in range', count: 1, seed: 8104, make: (rng) => [spreadValues(rng, N, 1), N, 0] },
    { name: 'maximum size, values just too far apart', count: 1, seed: 8105, make: (rng) => [spreadValues(rng, N, 20_000), N, 19_999] },
    {
      name: 'maximum size, one close pair in the middle',
      count: 1,
      seed: 8106,
      make: (rng) => {
        const nums = spreadValues(rng, N, 10_000);
        const anchor = nums[N / 2]!;
        nums[N / 2 + 1] = anchor + (anchor > 0 ? -1 : 1) * rng.int(0, 9_999); // towards 0, so it stays in range
        return [nums, N, 9_999];
      },
    },
    { name: 'maximum size, small window', count: 1, seed: 8107, make: (rng) => [rng.array(N, () => rng.int(-BOUND, BOUND)), 10, 1000] },
  ],
});
