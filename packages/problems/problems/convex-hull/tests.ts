import { defineTests, type Rng } from '../../src/testkit';

type Point = [number, number];
type Args = [points: Point[]];

const isPoint = (p: unknown): p is Point => Array.isArray(p) && p.length === 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
const samePoint = (a: Point, b: Point): boolean => a[0] === b[0] && a[1] === b[1];
const show = (p: Point): string => `[${p[0]},${p[1]}]`;

/** Accepts the reference's cycle of hull vertices from any starting vertex; the direction must be counter-clockwise. */
function check({ actual, expected }: { actual: unknown; expected: unknown }): true | string {
  const want = expected as Point[];
  if (!Array.isArray(actual) || !actual.every(isPoint)) return 'expected an array of [x, y] points';
  const got = actual as Point[];
  if (got.length !== want.length) return `expected ${want.length} hull vertices, got ${got.length}`;
  const n = want.length;
  if (n === 0) return true;
  const start = got.findIndex((p) => samePoint(p, want[0]!));
  if (start < 0) return `hull vertex ${show(want[0]!)} is missing`;
  if (want.every((p, i) => samePoint(got[(start + i) % n]!, p))) return true;
  if (want.every((p, i) => samePoint(got[(start - i + n) % n]!, p))) return 'the vertices are in clockwise order';
  const stray = got.find((p) => !want.some((q) => samePoint(p, q)));
  if (stray) return `${show(stray)} is not a hull vertex`;
  return 'the hull vertices are not in counter-clockwise order';
}

const randomPoints = (rng: Rng, n: number, r: number): Point[] => rng.array(n, () => [rng.int(-r, r), rng.int(-r, r)] as Point);

/** Points on one line through a lattice point, with repeats. */
function collinear(rng: Rng): Point[] {
  const a: Point = [rng.int(-1000, 1000), rng.int(-1000, 1000)];
  const d: Point = rng.pick<Point>([
    [1, 0],
    [0, 1],
    [1, 1],
    [2, -3],
    [-5, 7],
    [1000, 1],
  ]);
  return rng.array(rng.int(2, 12), () => {
    const t = rng.int(-50, 50);
    return [a[0] + t * d[0], a[1] + t * d[1]] as Point;
  });
}

/** Lattice points on the boundary and inside of an axis-aligned rectangle: many collinear points on the hull edges. */
function rectangleWithEdgePoints(rng: Rng): Point[] {
  const [x0, y0] = [rng.int(-100, 100), rng.int(-100, 100)];
  const [w, h] = [rng.int(1, 10), rng.int(1, 10)];
  const points: Point[] = [
    [x0, y0],
    [x0 + w, y0],
    [x0 + w, y0 + h],
    [x0, y0 + h],
  ];
  for (let i = 0; i < 30; i++) {
    const side = rng.int(0, 4);
    const [x, y] = [x0 + rng.int(0, w), y0 + rng.int(0, h)];
    points.push(side === 0 ? [x, y0] : side === 1 ? [x0 + w, y] : side === 2 ? [x, y0 + h] : side === 3 ? [x0, y] : [x, y]);
  }
  return rng.shuffle(points);
}

/**
 * A strictly convex lattice polygon with many vertices: all primitive vectors (a, b) with |a|, |b| <= m,
 * in angle order, chained head to tail (they sum to zero). For m = 140 that is about 48 000 vertices within
 * +-850 000. Returns the vertices, centered on the origin.
 */
function primitivePolygon(m: number): Point[] {
  const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
  const steps: Point[] = [];
  for (let a = -m; a <= m; a++) for (let b = -m; b <= m; b++) if ((a !== 0 || b !== 0) && gcd(a, b) === 1) steps.push([a, b]);
  steps.sort((p, q) => Math.atan2(p[1], p[0]) - Math.atan2(q[1], q[0]));
  const vertices: Point[] = [];
  let [x, y] = [0, 0];
  for (const [a, b] of steps) {
    x += a;
    y += b;
    vertices.push([x, y]);
  }
  const xs = vertices.map((p) => p[0]);
  const ys = vertices.map((p) => p[1]);
  const cx = Math.round((Math.min(...xs) + Math.max(...xs)) / 2);
  const cy = Math.round((Math.min(...ys) + Math.max(...ys)) / 2);
  return vertices.map(([px, py]) => [px - cx, py - cy]);
}

/** A convex polygon with many vertices, plus interior points and repeated vertices, shuffled. */
function manyHullVertices(rng: Rng, m: number, total: number): Point[] {
  const hull = primitivePolygon(m);
  const half = Math.max(...hull.map((p) => p[0]));
  const inner = Math.floor(half / 3);
  const points: Point[] = [...hull];
  while (points.length < total) {
    points.push(rng.bool(0.9) ? [rng.int(-inner, inner), rng.int(-inner, inner)] : [...hull[rng.int(0, hull.length - 1)]!]);
  }
  return rng.shuffle(points);
}

export default defineTests<Args>({
  cases: [
    {
      name: 'example 1: square with a center point',
      args: [
        [
          [0, 0],
          [2, 0],
          [1, 1],
          [2, 2],
          [0, 2],
        ],
      ],
      sample: true,
      expected: [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
      ],
    },
    {
      name: 'example 2: points on the edges',
      args: [
        [
          [0, 0],
          [1, 0],
          [2, 0],
          [2, 1],
          [2, 2],
          [1, 2],
          [0, 2],
          [0, 1],
          [1, 1],
          [2, 2],
        ],
      ],
      sample: true,
      expected: [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
      ],
    },
    {
      name: 'example 3: all collinear',
      args: [
        [
          [3, 3],
          [0, 0],
          [1, 1],
          [2, 2],
        ],
      ],
      sample: true,
      expected: [
        [0, 0],
        [3, 3],
      ],
    },
    { name: 'no points', args: [[]], expected: [] },
    { name: 'one point', args: [[[5, -3]]], expected: [[5, -3]] },
    {
      name: 'two distinct points',
      args: [
        [
          [3, 4],
          [-1, 2],
        ],
      ],
      expected: [
        [-1, 2],
        [3, 4],
      ],
    },
    {
      name: 'two equal points',
      args: [
        [
          [7, 7],
          [7, 7],
        ],
      ],
      expected: [[7, 7]],
    },
    {
      name: 'all points equal',
      args: [
        [
          [-2, 9],
          [-2, 9],
          [-2, 9],
          [-2, 9],
          [-2, 9],
        ],
      ],
      expected: [[-2, 9]],
    },
    {
      name: 'vertical line with repeats',
      args: [
        [
          [0, 5],
          [0, -1],
          [0, 2],
          [0, 5],
          [0, -1],
        ],
      ],
      expected: [
        [0, -1],
        [0, 5],
      ],
    },
    {
      name: 'horizontal line',
      args: [
        [
          [4, 1],
          [-6, 1],
          [0, 1],
        ],
      ],
      expected: [
        [-6, 1],
        [4, 1],
      ],
    },
    {
      name: 'triangle given clockwise',
      args: [
        [
          [0, 0],
          [0, 3],
          [4, 0],
        ],
      ],
      expected: [
        [0, 0],
        [4, 0],
        [0, 3],
      ],
    },
    {
      name: 'collinear points on the left edge',
      args: [
        [
          [0, 0],
          [0, 1],
          [0, 2],
          [1, 1],
        ],
      ],
      expected: [
        [0, 0],
        [1, 1],
        [0, 2],
      ],
    },
    {
      name: 'convex pentagon already in order',
      args: [
        [
          [0, 0],
          [4, 0],
          [5, 3],
          [2, 5],
          [-1, 3],
        ],
      ],
      expected: [
        [-1, 3],
        [0, 0],
        [4, 0],
        [5, 3],
        [2, 5],
      ],
    },
    {
      name: 'negative coordinates with interior points',
      args: [
        [
          [-5, -5],
          [-1, -4],
          [-3, -3],
          [-2, -1],
          [-4, -2],
          [-3, -2],
        ],
      ],
      expected: [
        [-5, -5],
        [-1, -4],
        [-2, -1],
        [-4, -2],
      ],
    },
    {
      name: 'diamond with repeated corners',
      args: [
        [
          [0, 2],
          [2, 0],
          [0, -2],
          [-2, 0],
          [0, 2],
          [2, 0],
          [0, 0],
          [1, 1],
        ],
      ],
      expected: [
        [-2, 0],
        [0, -2],
        [2, 0],
        [0, 2],
      ],
    },
    {
      name: 'extreme coordinates',
      args: [
        [
          [-1000000, -1000000],
          [1000000, -1000000],
          [1000000, 1000000],
          [-1000000, 1000000],
          [0, 0],
          [999999, -1000000],
        ],
      ],
      expected: [
        [-1000000, -1000000],
        [1000000, -1000000],
        [1000000, 1000000],
        [-1000000, 1000000],
      ],
    },
    {
      name: 'long nearly collinear triangle',
      args: [
        [
          [-1000000, -1],
          [0, 0],
          [1000000, 2],
        ],
      ],
      expected: [
        [-1000000, -1],
        [0, 0],
        [1000000, 2],
      ],
    },
    {
      name: 'long exactly collinear points',
      args: [
        [
          [-1000000, -1],
          [0, 0],
          [1000000, 1],
        ],
      ],
      expected: [
        [-1000000, -1],
        [1000000, 1],
      ],
    },
    {
      name: 'octagon with interior lattice points',
      args: [
        [
          [1, 0],
          [2, 0],
          [3, 1],
          [3, 2],
          [2, 3],
          [1, 3],
          [0, 2],
          [0, 1],
          [1, 1],
          [2, 2],
          [1, 2],
          [2, 1],
        ],
      ],
      expected: [
        [0, 1],
        [1, 0],
        [2, 0],
        [3, 1],
        [3, 2],
        [2, 3],
        [1, 3],
        [0, 2],
      ],
    },
  ],
  generators: [
    { name: 'random small grid', count: 30, seed: 5101, make: (rng) => [randomPoints(rng, rng.int(0, 12), 3)] },
    { name: 'random collinear sets', count: 8, seed: 5102, make: (rng) => [collinear(rng)] },
    { name: 'rectangles with points on the edges', count: 8, seed: 5103, make: (rng) => [rectangleWithEdgePoints(rng)] },
    {
      name: 'random medium',
      count: 8,
      seed: 5104,
      make: (rng) => [randomPoints(rng, rng.int(100, 3000), rng.pick([20, 1000, 1_000_000]))],
    },
    { name: 'medium, many hull vertices', count: 3, seed: 5105, make: (rng) => [manyHullVertices(rng, rng.int(5, 20), 3000)] },
    { name: 'maximum size, dense grid', count: 1, seed: 5106, make: (rng) => [randomPoints(rng, 100_000, 300)] },
    { name: 'maximum size, 48000 hull vertices', count: 1, seed: 5107, make: (rng) => [manyHullVertices(rng, 140, 100_000)] },
  ],
  check,
});
