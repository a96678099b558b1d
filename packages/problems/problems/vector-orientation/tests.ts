import { defineTests, type Rng } from '../../src/testkit';

type Point = [number, number];
type Args = [a: Point, b: Point, c: Point];

const cross = (a: Point, b: Point, c: Point): number => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

/** The statement promises |cross| <= 1e-10 or >= 1e-8; keep a margin on both sides. */
const offTheFence = ([a, b, c]: Args): boolean => {
  const v = Math.abs(cross(a, b, c));
  return v <= 1e-11 || v >= 1e-7;
};

/** Draws until the triple is clear of the tolerance, so any correct formula gives the same answer. */
function clear(rng: Rng, draw: (rng: Rng) => Args): Args {
  for (;;) {
    const args = draw(rng);
    if (offTheFence(args)) return args;
  }
}

/** A decimal with `places` digits after the point, stored as the nearest double (like a literal). */
const decimal = (rng: Rng, lo: number, hi: number, places: number): number => {
  const scale = 10 ** places;
  return rng.int(Math.ceil(lo * scale), Math.floor(hi * scale)) / scale;
};
const decimalPoint = (rng: Rng, lo: number, hi: number, places: number): Point => [
  decimal(rng, lo, hi, places),
  decimal(rng, lo, hi, places),
];

/** Three decimal points on one line: a + s*d and a + t*d for small integers s, t (exactly collinear as decimals). */
function collinearDecimals(rng: Rng): Args {
  const a = decimalPoint(rng, -50, 50, 2);
  const d: Point = [decimal(rng, -5, 5, 2), decimal(rng, -5, 5, 2)];
  const along = (t: number): Point => [Math.round((a[0] + t * d[0]) * 100) / 100, Math.round((a[1] + t * d[1]) * 100) / 100];
  const [s, t] = [rng.int(-9, 9), rng.int(-9, 9)];
  return rng.shuffle([a, along(s), along(t)]) as Args;
}

/** A real but shallow turn: c is moved off the line ab by a tiny amount, so |cross| is between 1e-7 and 1e-4. */
function shallowTurn(rng: Rng): Args {
  const a: Point = [rng.int(-10, 10), rng.int(-10, 10)];
  const b: Point = [a[0] + rng.int(1, 10), a[1]];
  const c: Point = [rng.int(-10, 10), a[1] + (rng.bool() ? 1 : -1) * rng.pick([1e-7, 5e-7, 3e-6, 2e-5])];
  return [a, b, c];
}

export default defineTests<Args>({
  cases: [
    {
      name: 'example 1: left turn',
      args: [
        [0, 0],
        [1, 0],
        [0, 1],
      ],
      sample: true,
      expected: 1,
    },
    {
      name: 'example 2: right turn',
      args: [
        [0, 0],
        [0, 1],
        [1, 0],
      ],
      sample: true,
      expected: -1,
    },
    {
      name: 'example 3: collinear',
      args: [
        [0, 0],
        [1, 1],
        [2, 2],
      ],
      sample: true,
      expected: 0,
    },
    {
      name: 'c between a and b',
      args: [
        [0, 0],
        [2, 2],
        [1, 1],
      ],
      expected: 0,
    },
    {
      name: 'c behind a',
      args: [
        [0, 0],
        [1, 1],
        [-3, -3],
      ],
      expected: 0,
    },
    {
      name: 'a equals b',
      args: [
        [3, 4],
        [3, 4],
        [7, -1],
      ],
      expected: 0,
    },
    {
      name: 'a equals c',
      args: [
        [3, 4],
        [7, -1],
        [3, 4],
      ],
      expected: 0,
    },
    {
      name: 'all three equal',
      args: [
        [-2.5, 8],
        [-2.5, 8],
        [-2.5, 8],
      ],
      expected: 0,
    },
    {
      name: 'vertical line',
      args: [
        [5, -3],
        [5, 7],
        [5, 100],
      ],
      expected: 0,
    },
    {
      name: 'horizontal line',
      args: [
        [-100, 2],
        [40, 2],
        [-7, 2],
      ],
      expected: 0,
    },
    {
      name: 'collinear decimals: 0.1, 0.3 and 0.9',
      args: [
        [0, 0],
        [0.1, 0.3],
        [0.3, 0.9],
      ],
      expected: 0,
    },
    {
      name: 'collinear decimals off the origin',
      args: [
        [0.1, 0.7],
        [0.2, 0.8],
        [0.3, 0.9],
      ],
      expected: 0,
    },
    {
      name: 'collinear decimals, negative slope',
      args: [
        [-0.3, 0.1],
        [0.1, -0.7],
        [0.7, -1.9],
      ],
      expected: 0,
    },
    {
      name: 'shallow left turn (cross 1e-7)',
      args: [
        [0, 0],
        [1, 0],
        [2, 1e-7],
      ],
      expected: 1,
    },
    {
      name: 'shallow right turn (cross -1e-5)',
      args: [
        [0, 0],
        [1, 0],
        [0.5, -0.00001],
      ],
      expected: -1,
    },
    {
      name: 'turn measured around a, not the origin',
      args: [
        [10, 0],
        [0, 1],
        [0, 2],
      ],
      expected: -1,
    },
    {
      name: 'negative coordinates',
      args: [
        [-3, -2],
        [-1, -5],
        [4, 1],
      ],
      expected: 1,
    },
    {
      name: 'u-turn back towards a',
      args: [
        [0, 0],
        [10, 0],
        [0, 0.5],
      ],
      expected: 1,
    },
    {
      name: 'extreme corners, left',
      args: [
        [-100, -100],
        [100, 100],
        [-100, 100],
      ],
      expected: 1,
    },
    {
      name: 'extreme corners, right',
      args: [
        [-100, -100],
        [100, 100],
        [100, -100],
      ],
      expected: -1,
    },
  ],
  generators: [
    {
      name: 'random small integers',
      count: 20,
      seed: 1101,
      make: (rng) => rng.array(3, () => [rng.int(-4, 4), rng.int(-4, 4)] as Point) as Args,
    },
    {
      name: 'random decimals',
      count: 15,
      seed: 1102,
      make: (rng) => clear(rng, (r) => [decimalPoint(r, -100, 100, 2), decimalPoint(r, -100, 100, 2), decimalPoint(r, -100, 100, 2)]),
    },
    { name: 'collinear decimals', count: 15, seed: 1103, make: (rng) => clear(rng, collinearDecimals) },
    { name: 'shallow turns', count: 10, seed: 1104, make: (rng) => clear(rng, shallowTurn) },
  ],
});
