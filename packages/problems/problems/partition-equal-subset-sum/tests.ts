import { defineTests, type Rng } from '../../src/testkit';

type Args = [nums: number[]];

const MAX_N = 200;

/** n even numbers in [2, 100] whose total is 2 mod 4: half the total is odd, so no subset reaches it. */
function evenWithOddHalf(rng: Rng, n: number): number[] {
  const nums = rng.array(n, () => 2 * rng.int(1, 50));
  const total = nums.reduce((a, b) => a + b, 0);
  if (total % 4 === 0) nums[0] = nums[0]! === 100 ? 98 : nums[0]! + 2;
  return nums;
}

/** Random numbers with the last one adjusted (within range) so that the total is even. */
function evenTotal(rng: Rng, n: number, max: number): number[] {
  const nums = rng.array(n, () => rng.int(1, max));
  const total = nums.reduce((a, b) => a + b, 0);
  if (total % 2 !== 0) nums[n - 1] = nums[n - 1]! === max ? max - 1 : nums[n - 1]! + 1;
  return nums;
}

export default defineTests<Args>({
  cases: [
    { name: 'example 1', args: [[1, 5, 11, 5]], sample: true, expected: true },
    { name: 'example 2: odd total', args: [[1, 2, 3, 5]], sample: true, expected: false },
    { name: 'example 3: even total, half unreachable', args: [[1, 2, 5]], sample: true, expected: false },
    { name: 'single element', args: [[1]], expected: false },
    { name: 'single even element', args: [[100]], expected: false },
    { name: 'two equal elements', args: [[7, 7]], expected: true },
    { name: 'two ones', args: [[1, 1]], expected: true },
    { name: 'two different elements', args: [[1, 2]], expected: false },
    { name: 'one big, one small', args: [[1, 100]], expected: false },
    { name: 'three equal elements', args: [[5, 5, 5]], expected: false },
    { name: 'four equal elements', args: [[5, 5, 5, 5]], expected: true },
    { name: 'even total, odd half, all even', args: [[2, 2, 2]], expected: false },
    { name: 'balancing greedily fails', args: [[3, 3, 2, 2, 2]], expected: true },
    { name: 'reusing a number would help', args: [[100, 100, 100, 100, 99, 1]], expected: false },
    { name: 'one to seven', args: [[1, 2, 3, 4, 5, 6, 7]], expected: true },
    { name: 'pairs adding to one hundred', args: [[99, 1, 98, 2]], expected: true },
    { name: 'one element outweighs the rest', args: [[100, ...new Array<number>(50).fill(1)]], expected: false },
    { name: 'one element equals the rest', args: [[100, ...new Array<number>(100).fill(1)]], expected: true },
    { name: 'maximum length, all 100', args: [new Array<number>(MAX_N).fill(100)], expected: true },
    {
      name: 'maximum length, twos and a hundred',
      args: [[...new Array<number>(MAX_N - 1).fill(2), 100]],
      expected: false,
    },
  ],
  generators: [
    { name: 'random small', count: 30, seed: 61, make: (rng) => [rng.array(rng.int(1, 10), () => rng.int(1, 10))] },
    { name: 'random medium', count: 15, seed: 62, make: (rng) => [rng.array(rng.int(10, 100), () => rng.int(1, 100))] },
    { name: 'small with an even total', count: 15, seed: 63, make: (rng) => [evenTotal(rng, rng.int(2, 12), 30)] },
    { name: 'even numbers with an odd half', count: 5, seed: 64, make: (rng) => [evenWithOddHalf(rng, rng.int(2, MAX_N))] },
    { name: 'maximum size, even total', count: 1, seed: 65, make: (rng) => [evenTotal(rng, MAX_N, 100)] },
    { name: 'maximum size, unreachable half', count: 1, seed: 66, make: (rng) => [evenWithOddHalf(rng, MAX_N)] },
  ],
});
