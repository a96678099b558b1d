import { defineTests, type Rng } from '../../src/testkit';

type Args = [capacity: number, volumes: number[], values: number[]];

/** n random items with volumes in [1, maxVolume] and values in [0, maxValue]. */
function items(rng: Rng, capacity: number, n: number, maxVolume: number, maxValue: number): Args {
  return [capacity, rng.array(n, () => rng.int(1, maxVolume)), rng.array(n, () => rng.int(0, maxValue))];
}

/** Values close to proportional to volume, so value per volume barely tells the items apart. */
function nearlyProportional(rng: Rng, capacity: number, n: number): Args {
  const volumes = rng.array(n, () => rng.int(1, 1000));
  return [capacity, volumes, volumes.map((v) => v * 1000 + rng.int(0, 999))];
}

export default defineTests<Args>({
  cases: [
    { name: 'example 1', args: [5, [1, 2, 3, 4], [2, 4, 4, 5]], sample: true, expected: 8 },
    { name: 'example 2: an item is taken at most once', args: [4, [2], [3]], sample: true, expected: 3 },
    { name: 'example 3: best ratio is not best', args: [10, [6, 5, 5], [7, 5, 5]], sample: true, expected: 10 },
    { name: 'no items', args: [10, [], []], expected: 0 },
    { name: 'no items, zero capacity', args: [0, [], []], expected: 0 },
    { name: 'zero capacity', args: [0, [1, 2], [5, 6]], expected: 0 },
    { name: 'item exactly fills the knapsack', args: [7, [7], [9]], expected: 9 },
    { name: 'item one unit too big', args: [6, [7], [9]], expected: 0 },
    { name: 'everything fits', args: [100, [1, 2, 3], [10, 20, 30]], expected: 60 },
    { name: 'only zero values', args: [5, [1, 1], [0, 0]], expected: 0 },
    { name: 'a zero-value item next to a useful one', args: [3, [3, 1], [0, 4]], expected: 4 },
    { name: 'single item would fit three times', args: [10, [3], [5]], expected: 5 },
    { name: 'two items, one would fit twice', args: [6, [2, 3], [3, 4]], expected: 7 },
    { name: 'classic ratio trap', args: [50, [10, 20, 30], [60, 100, 120]], expected: 220 },
    { name: 'equal volumes, take the best', args: [2, [1, 1, 1], [3, 1, 2]], expected: 5 },
    { name: 'leaving space is better', args: [10, [6, 5, 5], [20, 9, 9]], expected: 20 },
    { name: 'identical items', args: [10, [3, 3, 3, 3], [4, 4, 4, 4]], expected: 12 },
    { name: 'largest volume and value', args: [1000, [1000, 1000], [1_000_000, 999_999]], expected: 1_000_000 },
    {
      name: 'largest possible answer',
      args: [1000, new Array<number>(1000).fill(1), new Array<number>(1000).fill(1_000_000)],
      expected: 1_000_000_000,
    },
    { name: 'descending volumes', args: [9, [5, 4, 3, 2, 1], [9, 7, 5, 3, 1]], expected: 16 },
  ],
  generators: [
    { name: 'random small', count: 30, seed: 41, make: (rng) => items(rng, rng.int(0, 20), rng.int(0, 8), 10, 20) },
    {
      name: 'random medium',
      count: 20,
      seed: 42,
      make: (rng) => items(rng, rng.int(0, 1000), rng.int(1, 100), 1000, 1_000_000),
    },
    {
      name: 'many small items',
      count: 10,
      seed: 43,
      make: (rng) => items(rng, rng.int(100, 1000), rng.int(50, 200), 20, 1000),
    },
    { name: 'maximum size', count: 1, seed: 44, make: (rng) => items(rng, 1000, 1000, 1000, 1_000_000) },
    { name: 'maximum size, small volumes', count: 1, seed: 45, make: (rng) => items(rng, 1000, 1000, 10, 1_000_000) },
    { name: 'maximum size, nearly proportional values', count: 1, seed: 46, make: (rng) => nearlyProportional(rng, 1000, 1000) },
  ],
});
