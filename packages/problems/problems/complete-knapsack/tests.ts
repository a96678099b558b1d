import { defineTests, type Rng } from '../../src/testkit';

type Args = [capacity: number, volumes: number[], values: number[]];

/** n random kinds with volumes in [1, maxVolume] and values in [0, maxValue]. */
function kinds(rng: Rng, capacity: number, n: number, maxVolume: number, maxValue: number): Args {
  return [capacity, rng.array(n, () => rng.int(1, maxVolume)), rng.array(n, () => rng.int(0, maxValue))];
}

export default defineTests<Args>({
  cases: [
    { name: 'example 1', args: [5, [1, 2, 3, 4], [2, 4, 4, 5]], sample: true, expected: 10 },
    { name: 'example 2: one kind taken twice', args: [4, [2], [3]], sample: true, expected: 6 },
    { name: 'example 3: best ratio is not best', args: [10, [6, 5], [7, 5]], sample: true, expected: 10 },
    { name: 'no items', args: [10, [], []], expected: 0 },
    { name: 'no items, zero capacity', args: [0, [], []], expected: 0 },
    { name: 'zero capacity', args: [0, [1, 2], [5, 6]], expected: 0 },
    { name: 'only kind is too big', args: [6, [7], [9]], expected: 0 },
    { name: 'one kind, three copies', args: [10, [3], [5]], expected: 15 },
    { name: 'more copies beat one of each', args: [6, [2, 3], [3, 4]], expected: 9 },
    { name: 'only zero values', args: [5, [1, 1], [0, 0]], expected: 0 },
    { name: 'a zero-value kind next to a useful one', args: [5, [1, 2], [0, 3]], expected: 6 },
    { name: 'classic ratio example', args: [50, [10, 20, 30], [60, 100, 120]], expected: 300 },
    { name: 'mix of two kinds', args: [7, [3, 4], [4, 5]], expected: 9 },
    { name: 'exact fill with two kinds', args: [8, [3, 5], [3, 5]], expected: 8 },
    { name: 'most valuable first is wrong', args: [6, [4, 3], [5, 3]], expected: 6 },
    { name: 'identical kinds', args: [10, [3, 3], [4, 4]], expected: 12 },
    { name: 'single kind of the largest volume', args: [1000, [1000], [1_000_000]], expected: 1_000_000 },
    { name: 'largest possible answer', args: [1000, [1], [1_000_000]], expected: 1_000_000_000 },
    { name: 'remainder left empty', args: [11, [4], [7]], expected: 14 },
    {
      name: 'all kinds worth their volume',
      args: [1000, Array.from({ length: 1000 }, (_, i) => i + 1), Array.from({ length: 1000 }, (_, i) => i + 1)],
      expected: 1000,
    },
  ],
  generators: [
    { name: 'random small', count: 30, seed: 51, make: (rng) => kinds(rng, rng.int(0, 25), rng.int(0, 6), 10, 20) },
    {
      name: 'random medium',
      count: 20,
      seed: 52,
      make: (rng) => kinds(rng, rng.int(0, 1000), rng.int(1, 100), 1000, 1_000_000),
    },
    {
      name: 'few kinds, awkward volumes',
      count: 10,
      seed: 53,
      make: (rng) => kinds(rng, rng.int(100, 1000), rng.int(2, 5), 100, 1000),
    },
    { name: 'maximum size', count: 1, seed: 54, make: (rng) => kinds(rng, 1000, 1000, 1000, 1_000_000) },
    { name: 'maximum size, unit volumes', count: 1, seed: 55, make: (rng) => kinds(rng, 1000, 1000, 1, 1_000_000) },
    { name: 'maximum size, tiny volumes', count: 1, seed: 56, make: (rng) => kinds(rng, 1000, 1000, 3, 1_000_000) },
  ],
});
