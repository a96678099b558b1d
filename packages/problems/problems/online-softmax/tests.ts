import { defineTests, type Rng } from '../../src/testkit';

type Args = [scores: number[], blockSize: number];

const SM_1234 = [0.03205860328008499, 0.08714431874203257, 0.23688281808991013, 0.6439142598879724];
const SM_210 = [0.6652409557748218, 0.24472847105479764, 0.09003057317038046];

/** Masks each score with probability pMask, keeping at least one finite score. */
function mask(rng: Rng, scores: number[], pMask: number): number[] {
  const keep = rng.int(0, scores.length - 1);
  return scores.map((x, i) => (i !== keep && rng.bool(pMask) ? -Infinity : x));
}

/** Scores in a window of `width` around a random centre anywhere in [-1e4, 1e4]: large values overflow e^x. */
function shifted(rng: Rng, n: number, width: number): number[] {
  const centre = rng.float(-1e4 + width, 1e4 - width);
  return rng.array(n, () => centre + rng.float(-width, width));
}

export default defineTests<Args>({
  cases: [
    { name: 'example 1: the maximum grows in the second block', args: [[1, 2, 3, 4], 2], sample: true, expected: SM_1234 },
    { name: 'example 2: e^1000 would overflow', args: [[1000, 1000], 1], sample: true, expected: [0.5, 0.5] },
    { name: 'example 3: fully masked first block', args: [[-Infinity, -Infinity, 0, 0], 2], sample: true, expected: [0, 0, 0.5, 0.5] },
    { name: 'single score', args: [[5], 1], expected: [1] },
    { name: 'single very negative score', args: [[-1000], 3], expected: [1] },
    { name: 'all equal, ragged last block', args: [[3, 3, 3, 3, 3], 2], expected: [0.2, 0.2, 0.2, 0.2, 0.2] },
    { name: 'powers of two', args: [[0, Math.LN2, 2 * Math.LN2], 2], expected: [1 / 7, 2 / 7, 4 / 7] },
    {
      name: 'maximum in the last block only',
      args: [[0, 0, 0, 10], 1],
      expected: [4.5393747143688915e-5, 4.5393747143688915e-5, 4.5393747143688915e-5, 0.9998638187585689],
    },
    { name: 'maximum in the first block', args: [[4, 3, 2, 1], 3], expected: [...SM_1234].reverse() },
    { name: 'large scores, shift invariance', args: [[1000, 999, 998], 2], expected: SM_210 },
    { name: 'very negative scores', args: [[-1000, -1001], 1], expected: [0.7310585786300049, 0.2689414213699951] },
    { name: 'block larger than the input', args: [[2, 1, 0], 10], expected: SM_210 },
    { name: 'block equal to the input', args: [[1, 2, 3, 4], 4], expected: SM_1234 },
    { name: 'masked in the middle', args: [[1, -Infinity, 1], 1], expected: [0.5, 0, 0.5] },
    { name: 'only the last score is unmasked', args: [[-Infinity, -Infinity, -Infinity, 7], 1], expected: [0, 0, 0, 1] },
    { name: 'masked last block', args: [[2, 2, -Infinity, -Infinity], 2], expected: [0.5, 0.5, 0, 0] },
    { name: 'alternating masks', args: [[-Infinity, 0, -Infinity, 0, -Infinity], 2], expected: [0, 0.5, 0, 0.5, 0] },
    { name: 'extreme spread underflows to exact zero', args: [[1e4, -1e4], 1], expected: [1, 0] },
    {
      name: 'new maximum in every block',
      args: [[1, 2, 3, 4, 5, 6], 1],
      expected: [
        0.00426977854528211, 0.011606461431184656, 0.03154963320110002, 0.08576079462509835, 0.233122009623613, 0.6336913225737218,
      ],
    },
    { name: 'negative and positive large scores', args: [[-5000, 5000, 5000, -5000], 3], expected: [0, 0.5, 0.5, 0] },
  ],
  generators: [
    {
      name: 'random small with masks',
      count: 25,
      seed: 11,
      make: (rng) => {
        const n = rng.int(1, 12);
        return [
          mask(
            rng,
            rng.array(n, () => rng.int(-5, 5)),
            0.25,
          ),
          rng.int(1, n + 2),
        ];
      },
    },
    {
      name: 'large magnitudes',
      count: 15,
      seed: 12,
      make: (rng) => {
        const n = rng.int(1, 40);
        return [shifted(rng, n, rng.pick([1, 10, 50])), rng.int(1, 8)];
      },
    },
    {
      name: 'ascending: the maximum moves in every block',
      count: 10,
      seed: 13,
      make: (rng) => {
        const n = rng.int(5, 200);
        return [shifted(rng, n, 30).sort((a, b) => a - b), rng.int(1, 6)];
      },
    },
    {
      name: 'masked prefix longer than a block',
      count: 10,
      seed: 14,
      make: (rng) => {
        const blockSize = rng.int(1, 5);
        const prefix = rng.int(blockSize, 3 * blockSize);
        const tail = rng.array(rng.int(1, 20), () => rng.float(-20, 20));
        return [[...new Array<number>(prefix).fill(-Infinity), ...mask(rng, tail, 0.2)], blockSize];
      },
    },
    {
      name: 'random medium',
      count: 10,
      seed: 15,
      make: (rng) => {
        const n = rng.int(1000, 5000);
        return [mask(rng, shifted(rng, n, 40), 0.1), rng.int(1, 300)];
      },
    },
    { name: 'maximum size, block of one', count: 1, seed: 16, make: (rng) => [shifted(rng, 100_000, 25), 1] },
    { name: 'maximum size, block of 256', count: 1, seed: 17, make: (rng) => [mask(rng, shifted(rng, 100_000, 25), 0.3), 256] },
  ],
});
