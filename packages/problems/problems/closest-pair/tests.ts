import { defineTests, type Rng } from '../../src/testkit';

type Point = [number, number];
type Args = [points: Point[]];

const BOUND = 1_000_000_000;

const randomPoints = (rng: Rng, n: number, r: number): Point[] => rng.array(n, () => [rng.int(-r, r), rng.int(-r, r)] as Point);

/**
 * Points spread far apart in two halves, plus one close pair placed across the vertical line that a
 * divide-and-conquer split will use: only the strip step can find it.
 */
function pairAcrossTheMiddle(rng: Rng, n: number): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < n - 2; i++) {
    const side = i % 2 === 0 ? -1 : 1;
    points.push([side * rng.int(1_000, 1_000_000), rng.int(-1_000_000, 1_000_000)]);
  }
  const y = rng.int(-1_000_000, 1_000_000);
  points.push([-rng.int(0, 3), y], [rng.int(1, 3), y + rng.int(-3, 3)]);
  return rng.shuffle(points);
}

/** All points in a narrow vertical band: pruning by x alone leaves every pair as a candidate. */
const verticalBand = (rng: Rng, n: number): Point[] => rng.array(n, () => [rng.int(0, 10), rng.int(-BOUND, BOUND)] as Point);

export default defineTests<Args>({
  cases: [
    {
      name: 'example 1',
      args: [
        [
          [0, 0],
          [3, 4],
          [7, 7],
          [1, 1],
        ],
      ],
      sample: true,
      expected: Math.SQRT2,
    },
    {
      name: 'example 2: a repeated point',
      args: [
        [
          [1, 2],
          [1, 2],
        ],
      ],
      sample: true,
      expected: 0,
    },
    {
      name: 'example 3: opposite corners',
      args: [
        [
          [-BOUND, -BOUND],
          [BOUND, BOUND],
        ],
      ],
      sample: true,
      expected: 2 * Math.SQRT2 * BOUND,
    },
    {
      name: 'two points, horizontal',
      args: [
        [
          [0, 0],
          [5, 0],
        ],
      ],
      expected: 5,
    },
    {
      name: 'two points, vertical',
      args: [
        [
          [3, -4],
          [3, 10],
        ],
      ],
      expected: 14,
    },
    {
      name: 'two points, negative coordinates',
      args: [
        [
          [-7, -3],
          [-4, 1],
        ],
      ],
      expected: 5,
    },
    {
      name: '3-4-5 triangle',
      args: [
        [
          [0, 0],
          [3, 4],
          [10, 10],
        ],
      ],
      expected: 5,
    },
    {
      name: 'all on a vertical line',
      args: [
        [
          [0, 0],
          [0, 10],
          [0, 3],
          [0, 7],
        ],
      ],
      expected: 3,
    },
    {
      name: 'all on a horizontal line',
      args: [
        [
          [10, -2],
          [4, -2],
          [-5, -2],
          [20, -2],
          [15, -2],
        ],
      ],
      expected: 5,
    },
    {
      name: 'repeated point among others',
      args: [
        [
          [5, 5],
          [1, 9],
          [-3, 2],
          [5, 5],
          [100, 100],
        ],
      ],
      expected: 0,
    },
    {
      name: 'closest pair not adjacent in x order',
      args: [
        [
          [0, 0],
          [1, 100],
          [2, 0],
        ],
      ],
      expected: 2,
    },
    {
      name: 'closest pair straddles the middle',
      args: [
        [
          [0, 0],
          [10, 5],
          [19, 0],
          [20, 1],
          [30, 5],
          [40, 0],
        ],
      ],
      expected: Math.SQRT2,
    },
    {
      name: 'diagonal, uneven spacing',
      args: [
        [
          [0, 0],
          [3, 3],
          [5, 5],
          [9, 9],
        ],
      ],
      expected: 2 * Math.SQRT2,
    },
    {
      name: 'square grid',
      args: [
        [
          [0, 0],
          [7, 0],
          [14, 0],
          [0, 7],
          [7, 7],
          [14, 7],
          [0, 14],
          [7, 14],
          [14, 14],
        ],
      ],
      expected: 7,
    },
    {
      name: 'close pair among huge coordinates',
      args: [
        [
          [BOUND, BOUND],
          [BOUND - 1, BOUND - 1],
          [-BOUND, -BOUND],
        ],
      ],
      expected: Math.SQRT2,
    },
    {
      name: 'three far corners',
      args: [
        [
          [-BOUND, BOUND],
          [BOUND, -BOUND],
          [0, 0],
        ],
      ],
      expected: Math.SQRT2 * BOUND,
    },
    {
      name: 'squared distance beyond 2^53',
      args: [
        [
          [-BOUND, -BOUND],
          [BOUND, BOUND - 1],
        ],
      ],
      expected: Math.sqrt(4e18 + (2 * BOUND - 1) ** 2),
    },
    {
      name: 'repeated point at the extremes',
      args: [
        [
          [-BOUND, BOUND],
          [0, 0],
          [-BOUND, BOUND],
        ],
      ],
      expected: 0,
    },
  ],
  generators: [
    { name: 'random small', count: 25, seed: 6101, make: (rng) => [randomPoints(rng, rng.int(2, 10), 5)] },
    { name: 'random small, huge coordinates', count: 10, seed: 6102, make: (rng) => [randomPoints(rng, rng.int(2, 50), BOUND)] },
    {
      name: 'random medium',
      count: 10,
      seed: 6103,
      make: (rng) => [randomPoints(rng, rng.int(500, 5000), rng.pick([100, 100_000, BOUND]))],
    },
    { name: 'close pair across the middle', count: 5, seed: 6104, make: (rng) => [pairAcrossTheMiddle(rng, rng.int(100, 5000))] },
    { name: 'maximum size, random', count: 1, seed: 6105, make: (rng) => [randomPoints(rng, 100_000, BOUND)] },
    { name: 'maximum size, vertical band', count: 1, seed: 6106, make: (rng) => [verticalBand(rng, 100_000)] },
    { name: 'maximum size, dense with repeats', count: 1, seed: 6107, make: (rng) => [randomPoints(rng, 100_000, 150)] },
  ],
});
