import { defineTests, type Rng } from '../../src/testkit';

type Args = [nums1: number[], m: number, nums2: number[], n: number];

/** A valid input: two sorted arrays of the given sizes, nums1 padded with n zeros. */
function sortedPair(rng: Rng, m: number, n: number, lo: number, hi: number): Args {
  const a = rng.array(m, () => rng.int(lo, hi)).sort((x, y) => x - y);
  const b = rng.array(n, () => rng.int(lo, hi)).sort((x, y) => x - y);
  return [[...a, ...new Array<number>(n).fill(0)], m, b, n];
}

export default defineTests<Args>({
  cases: [
    { name: 'example 1', args: [[1, 2, 3, 0, 0, 0], 3, [2, 5, 6], 3], sample: true, expected: [1, 2, 2, 3, 5, 6] },
    { name: 'example 2: nothing to merge', args: [[1], 1, [], 0], sample: true, expected: [1] },
    { name: 'example 3: nums1 holds only room', args: [[0], 0, [1], 1], sample: true, expected: [1] },
    { name: 'all of nums2 goes first', args: [[4, 5, 6, 0, 0, 0], 3, [1, 2, 3], 3], expected: [1, 2, 3, 4, 5, 6] },
    { name: 'all of nums2 goes last', args: [[1, 2, 3, 0, 0, 0], 3, [4, 5, 6], 3], expected: [1, 2, 3, 4, 5, 6] },
    { name: 'interleaved', args: [[1, 3, 5, 7, 0, 0, 0, 0], 4, [2, 4, 6, 8], 4], expected: [1, 2, 3, 4, 5, 6, 7, 8] },
    { name: 'equal elements across arrays', args: [[2, 2, 2, 0, 0], 3, [2, 2], 2], expected: [2, 2, 2, 2, 2] },
    { name: 'duplicates inside both', args: [[1, 1, 3, 3, 0, 0, 0], 4, [1, 3, 3], 3], expected: [1, 1, 1, 3, 3, 3, 3] },
    { name: 'negatives', args: [[-5, -3, -1, 0, 0], 3, [-4, -2], 2], expected: [-5, -4, -3, -2, -1] },
    { name: 'zeros are real values too', args: [[-1, 0, 0, 0, 0], 3, [0, 0], 2], expected: [-1, 0, 0, 0, 0] },
    { name: 'extremes', args: [[-1e9, 1e9, 0, 0], 2, [-1e9, 1e9], 2], expected: [-1e9, -1e9, 1e9, 1e9] },
    { name: 'single into single, smaller', args: [[5, 0], 1, [3], 1], expected: [3, 5] },
    { name: 'single into single, larger', args: [[3, 0], 1, [5], 1], expected: [3, 5] },
    { name: 'long nums2 into short nums1', args: [[7, 0, 0, 0, 0, 0], 1, [1, 2, 3, 8, 9], 5], expected: [1, 2, 3, 7, 8, 9] },
    { name: 'm = 0 with many', args: [[0, 0, 0, 0], 0, [-3, -1, 2, 4], 4], expected: [-3, -1, 2, 4] },
    { name: 'n = 0 with many', args: [[-2, 0, 7, 9], 4, [], 0], expected: [-2, 0, 7, 9] },
  ],
  generators: [
    { name: 'random small', count: 30, seed: 101, make: (rng) => sortedPair(rng, rng.int(0, 8), rng.int(0, 8), -10, 10) },
    { name: 'random medium', count: 20, seed: 202, make: (rng) => sortedPair(rng, rng.int(0, 1000), rng.int(1, 1000), -1e9, 1e9) },
    { name: 'many duplicates', count: 10, seed: 303, make: (rng) => sortedPair(rng, rng.int(1, 200), rng.int(1, 200), -2, 2) },
    { name: 'maximum size', count: 1, seed: 404, make: (rng) => sortedPair(rng, 50_000, 50_000, -1e9, 1e9) },
  ],
});
