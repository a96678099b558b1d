import { defineTests, type Rng } from '../../src/testkit';

type Point = [number, number];
type Args = [p1: Point, p2: Point, q1: Point, q2: Point];

const cross = (a: Point, b: Point, c: Point): number => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

/** The statement promises every endpoint-against-segment cross product is <= 1e-10 or >= 1e-8; keep a margin. */
function offTheFence([p1, p2, q1, q2]: Args): boolean {
  const values = [cross(q1, q2, p1), cross(q1, q2, p2), cross(p1, p2, q1), cross(p1, p2, q2)];
  return values.every((v) => Math.abs(v) <= 1e-11 || Math.abs(v) >= 1e-7);
}

function clear(rng: Rng, draw: (rng: Rng) => Args): Args {
  for (;;) {
    const args = draw(rng);
    if (offTheFence(args)) return args;
  }
}

const gridPoint = (rng: Rng, r: number): Point => [rng.int(-r, r), rng.int(-r, r)];

/** Small integer grid: many touching, collinear and single-point segments. */
function smallGrid(rng: Rng): Args {
  const segment = (): [Point, Point] => {
    const a = gridPoint(rng, 3);
    return [a, rng.bool(0.15) ? [a[0], a[1]] : gridPoint(rng, 3)];
  };
  return [...segment(), ...segment()];
}

/** Both segments on one integer line a + t*d: overlapping, nested, touching or disjoint. */
function sameLine(rng: Rng): Args {
  const a = gridPoint(rng, 20);
  const d: Point = [rng.int(-4, 4), rng.int(-4, 4)];
  if (d[0] === 0 && d[1] === 0) d[0] = 1;
  const at = (t: number): Point => [a[0] + t * d[0], a[1] + t * d[1]];
  return [at(rng.int(-5, 5)), at(rng.int(-5, 5)), at(rng.int(-5, 5)), at(rng.int(-5, 5))];
}

/** A decimal with 2 digits after the point, as the nearest double. */
const cents = (rng: Rng, lo: number, hi: number): number => rng.int(lo * 100, hi * 100) / 100;

/**
 * A decimal segment and a second segment starting at a decimal point on it (a T-junction) or just beside it.
 * The shared point is exact as decimals but not in binary, so the cross product is rounding noise.
 */
function decimalJunction(rng: Rng): Args {
  const a: Point = [cents(rng, -50, 50), cents(rng, -50, 50)];
  const d: Point = [cents(rng, -5, 5), cents(rng, -5, 5)];
  const at = (t: number): Point => [Math.round((a[0] + t * d[0]) * 100) / 100, Math.round((a[1] + t * d[1]) * 100) / 100];
  const t = rng.int(1, 8);
  const touch = at(t);
  const start: Point = rng.bool(0.7) ? touch : [touch[0] + rng.pick([-0.01, 0.01]), touch[1]];
  const end: Point = [cents(rng, -100, 100), cents(rng, -100, 100)];
  const p: [Point, Point] = rng.bool() ? [a, at(9)] : [at(9), a];
  const q: [Point, Point] = rng.bool() ? [start, end] : [end, start];
  return rng.bool() ? [...p, ...q] : [...q, ...p];
}

const decimalSegment = (rng: Rng): [Point, Point] => [
  [cents(rng, -100, 100), cents(rng, -100, 100)],
  [cents(rng, -100, 100), cents(rng, -100, 100)],
];

export default defineTests<Args>({
  cases: [
    {
      name: 'example 1: diagonals cross',
      args: [
        [0, 0],
        [4, 4],
        [0, 4],
        [4, 0],
      ],
      sample: true,
      expected: true,
    },
    {
      name: 'example 2: parallel, apart',
      args: [
        [0, 0],
        [4, 0],
        [0, 1],
        [4, 1],
      ],
      sample: true,
      expected: false,
    },
    {
      name: 'example 3: shared endpoint',
      args: [
        [0, 0],
        [2, 2],
        [2, 2],
        [4, 0],
      ],
      sample: true,
      expected: true,
    },
    {
      name: 'right-angle crossing at negative coordinates',
      args: [
        [-5, -1],
        [-1, -1],
        [-3, -4],
        [-3, 2],
      ],
      expected: true,
    },
    {
      name: 'T-junction: endpoint inside the other segment',
      args: [
        [0, 0],
        [4, 0],
        [2, 0],
        [2, 3],
      ],
      expected: true,
    },
    {
      name: 'T-junction from below',
      args: [
        [2, -3],
        [2, 0],
        [0, 0],
        [4, 0],
      ],
      expected: true,
    },
    {
      name: 'bounding boxes overlap, segments do not',
      args: [
        [0, 0],
        [4, 4],
        [3, 0],
        [4, 1],
      ],
      expected: false,
    },
    {
      name: 'lines cross outside both segments',
      args: [
        [0, 0],
        [1, 1],
        [3, 0],
        [2, 1],
      ],
      expected: false,
    },
    {
      name: 'endpoint on the extension of the other segment',
      args: [
        [0, 0],
        [2, 0],
        [3, 0],
        [3, 5],
      ],
      expected: false,
    },
    {
      name: 'collinear overlapping',
      args: [
        [0, 0],
        [3, 0],
        [2, 0],
        [5, 0],
      ],
      expected: true,
    },
    {
      name: 'collinear, one inside the other',
      args: [
        [0, 0],
        [10, 10],
        [2, 2],
        [3, 3],
      ],
      expected: true,
    },
    {
      name: 'collinear, disjoint',
      args: [
        [0, 0],
        [1, 1],
        [2, 2],
        [3, 3],
      ],
      expected: false,
    },
    {
      name: 'collinear, touching at one point',
      args: [
        [0, 0],
        [1, 1],
        [1, 1],
        [3, 3],
      ],
      expected: true,
    },
    {
      name: 'collinear, touching, endpoints reversed',
      args: [
        [3, 3],
        [1, 1],
        [1, 1],
        [0, 0],
      ],
      expected: true,
    },
    {
      name: 'collinear vertical, disjoint',
      args: [
        [2, 0],
        [2, 3],
        [2, 4],
        [2, 9],
      ],
      expected: false,
    },
    {
      name: 'identical segments',
      args: [
        [-1, 7],
        [6, 2],
        [6, 2],
        [-1, 7],
      ],
      expected: true,
    },
    {
      name: 'point on a segment',
      args: [
        [1, 1],
        [1, 1],
        [0, 0],
        [2, 2],
      ],
      expected: true,
    },
    {
      name: 'point at a segment endpoint',
      args: [
        [-4, 6],
        [3, 5],
        [3, 5],
        [3, 5],
      ],
      expected: true,
    },
    {
      name: 'point on the line but past the end',
      args: [
        [3, 3],
        [3, 3],
        [0, 0],
        [2, 2],
      ],
      expected: false,
    },
    {
      name: 'two equal points',
      args: [
        [5, -2],
        [5, -2],
        [5, -2],
        [5, -2],
      ],
      expected: true,
    },
    {
      name: 'two different points',
      args: [
        [0, 0],
        [0, 0],
        [0, 1],
        [0, 1],
      ],
      expected: false,
    },
    {
      name: 'near miss by 1e-6 at a corner',
      args: [
        [0, 0],
        [1, 1],
        [1.000001, 1],
        [2, 0],
      ],
      expected: false,
    },
    {
      name: 'near miss by 1e-6 above a T',
      args: [
        [0, 0],
        [4, 0],
        [2, 0.000001],
        [2, 3],
      ],
      expected: false,
    },
    {
      name: 'decimal T-junction (rounding noise)',
      args: [
        [0, 0],
        [0.3, 0.9],
        [0.1, 0.3],
        [1.1, -0.7],
      ],
      expected: true,
    },
    {
      name: 'decimal collinear overlap (rounding noise)',
      args: [
        [0, 0],
        [0.3, 0.9],
        [0.1, 0.3],
        [0.6, 1.8],
      ],
      expected: true,
    },
    {
      name: 'extreme diagonals',
      args: [
        [-100, -100],
        [100, 100],
        [-100, 100],
        [100, -100],
      ],
      expected: true,
    },
  ],
  generators: [
    { name: 'random small grid', count: 30, seed: 2101, make: smallGrid },
    { name: 'random segments on one line', count: 15, seed: 2102, make: sameLine },
    { name: 'decimal T-junctions and near misses', count: 15, seed: 2103, make: (rng) => clear(rng, decimalJunction) },
    {
      name: 'random decimal segments',
      count: 10,
      seed: 2104,
      make: (rng) => clear(rng, (r) => [...decimalSegment(r), ...decimalSegment(r)]),
    },
  ],
});
