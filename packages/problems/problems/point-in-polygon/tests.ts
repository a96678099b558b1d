import { defineTests, type Rng } from '../../src/testkit';

type Point = [number, number];
type Args = [polygon: Point[], point: Point];

const LIMIT = 10_000;
const clamp = (v: number): number => Math.max(-LIMIT, Math.min(LIMIT, v));

/**
 * A star-shaped simple polygon with integer vertices: distinct points sorted by angle around the origin,
 * with one point on each axis so that no angular gap reaches pi. Edges stay inside their own angular
 * sectors, so they cannot cross; ties in angle are ordered by distance.
 */
function starPolygon(rng: Rng, n: number, radius: number): Point[] {
  const seen = new Set<string>();
  const points: Point[] = [];
  const add = (p: Point): void => {
    const key = `${p[0]},${p[1]}`;
    if ((p[0] !== 0 || p[1] !== 0) && !seen.has(key)) {
      seen.add(key);
      points.push(p);
    }
  };
  const axis = Math.max(1, Math.floor(radius / 2));
  for (const p of [
    [axis, 0],
    [0, axis],
    [-axis, 0],
    [0, -axis],
  ] as Point[])
    add(p);
  while (points.length < n) add([rng.int(-radius, radius), rng.int(-radius, radius)]);
  const angle = (p: Point): number => Math.atan2(p[1], p[0]);
  points.sort((a, b) => angle(a) - angle(b) || Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]));
  return orient(rng, points);
}

/** Random starting vertex and random direction. */
function orient(rng: Rng, points: Point[]): Point[] {
  const start = rng.int(0, points.length - 1);
  const rotated = [...points.slice(start), ...points.slice(0, start)];
  return rng.bool() ? rotated : rotated.reverse();
}

/**
 * A rectilinear double comb: a bar from y = 0 to y = barHeight with `teeth` teeth of width `width` hanging
 * below and `teeth` teeth standing on top, separated by gaps of width 1. Lots of horizontal edges and many
 * vertices on the lines y = 0 and y = barHeight.
 */
function doubleComb(rng: Rng, teeth: number, x0: number, width: number, maxTooth: number): Point[] {
  const barHeight = rng.int(1, 6);
  const pitch = width + 1;
  const points: Point[] = [];
  for (let t = 0; t < teeth; t++) {
    const depth = -rng.int(1, maxTooth);
    const x = x0 + pitch * t;
    points.push([x, 0], [x, depth], [x + width, depth], [x + width, 0]);
  }
  for (let t = teeth - 1; t >= 0; t--) {
    const top = barHeight + rng.int(1, maxTooth);
    const x = x0 + pitch * t;
    points.push([x + width, barHeight], [x + width, top], [x, top], [x, barHeight]);
  }
  return orient(rng, points);
}

/**
 * A query that stresses the boundary rules: a vertex, a lattice point on an edge, a point level with a
 * vertex, a point pulled from a vertex towards the center (mostly inside a star polygon), or anything nearby.
 */
function query(rng: Rng, polygon: Point[]): Point {
  const n = polygon.length;
  const xs = polygon.map((p) => p[0]);
  const ys = polygon.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const vertex = (): Point => polygon[rng.int(0, n - 1)]!;
  const kind = rng.int(0, 7);
  if (kind === 0) return [...vertex()];
  if (kind === 1) {
    const i = rng.int(0, n - 1);
    const a = polygon[i]!;
    const b = polygon[(i + 1) % n]!;
    const gcd = (x: number, y: number): number => (y === 0 ? Math.abs(x) : gcd(y, x % y));
    const g = gcd(b[0] - a[0], b[1] - a[1]);
    const k = rng.int(0, g);
    return [a[0] + ((b[0] - a[0]) / g) * k, a[1] + ((b[1] - a[1]) / g) * k];
  }
  if (kind <= 3) return [clamp(rng.int(minX - 2, maxX + 2)), vertex()[1]];
  if (kind <= 5) {
    const v = vertex();
    const t = rng.float(0, 1);
    return [Math.round(v[0] * t), Math.round(v[1] * t)];
  }
  return [clamp(rng.int(minX - 2, maxX + 2)), clamp(rng.int(minY - 2, maxY + 2))];
}

const square: Point[] = [
  [0, 0],
  [4, 0],
  [4, 4],
  [0, 4],
];
const lShape: Point[] = [
  [0, 0],
  [4, 0],
  [4, 1],
  [1, 1],
  [1, 3],
  [0, 3],
];
const diamond: Point[] = [
  [0, -2],
  [2, 0],
  [0, 2],
  [-2, 0],
];
const steppedL: Point[] = [
  [0, 0],
  [4, 0],
  [4, 2],
  [2, 2],
  [2, 4],
  [0, 4],
];
const notched: Point[] = [
  [0, 0],
  [4, 0],
  [4, 4],
  [2, 2],
  [0, 4],
];
const triangle: Point[] = [
  [0, 0],
  [10, 0],
  [0, 10],
];
const big: Point[] = [
  [-10000, -10000],
  [10000, -10000],
  [10000, 10000],
  [-10000, 10000],
];
const sliver: Point[] = [
  [-10000, 0],
  [10000, 0],
  [10000, 1],
];

export default defineTests<Args>({
  cases: [
    { name: 'example 1: inside a square', args: [square, [2, 2]], sample: true, expected: 1 },
    { name: 'example 2: on an edge', args: [square, [4, 1]], sample: true, expected: 0 },
    { name: 'example 3: in the notch of an L', args: [lShape, [3, 2]], sample: true, expected: -1 },
    { name: 'at a vertex', args: [square, [0, 0]], expected: 0 },
    { name: 'on the extension of a horizontal edge', args: [square, [6, 0]], expected: -1 },
    { name: 'on the extension of a vertical edge', args: [square, [0, 7]], expected: -1 },
    { name: 'ray through a vertex, inside', args: [diamond, [-1, 0]], expected: 1 },
    { name: 'ray through two vertices, outside', args: [diamond, [-3, 0]], expected: -1 },
    {
      name: 'ray grazes the apex, outside',
      args: [
        [
          [0, 0],
          [4, 0],
          [2, 2],
        ],
        [1, 2],
      ],
      expected: -1,
    },
    { name: 'ray along a horizontal edge, inside', args: [steppedL, [1, 2]], expected: 1 },
    { name: 'on a horizontal edge', args: [steppedL, [3, 2]], expected: 0 },
    { name: 'level with a horizontal edge, outside', args: [steppedL, [-1, 2]], expected: -1 },
    { name: 'at a reflex vertex', args: [notched, [2, 2]], expected: 0 },
    { name: 'just below a reflex vertex', args: [notched, [2, 1]], expected: 1 },
    { name: 'inside the notch above a reflex vertex', args: [notched, [2, 3]], expected: -1 },
    { name: 'ray through a reflex vertex, inside', args: [notched, [1, 2]], expected: 1 },
    { name: 'inside near the hypotenuse', args: [triangle, [4, 5]], expected: 1 },
    { name: 'on the hypotenuse', args: [triangle, [5, 5]], expected: 0 },
    { name: 'outside near the hypotenuse', args: [triangle, [6, 5]], expected: -1 },
    {
      name: 'clockwise polygon, inside',
      args: [
        [
          [0, 0],
          [0, 4],
          [4, 4],
          [4, 0],
        ],
        [1, 3],
      ],
      expected: 1,
    },
    { name: 'corner of the largest square', args: [big, [10000, -10000]], expected: 0 },
    { name: 'inside the largest square', args: [big, [9999, -9999]], expected: 1 },
    { name: 'on the long edge of a sliver', args: [sliver, [0, 0]], expected: 0 },
    { name: 'just above a sliver', args: [sliver, [0, 1]], expected: -1 },
    { name: 'far away', args: [square, [-10000, 10000]], expected: -1 },
  ],
  generators: [
    {
      name: 'random small star polygons',
      count: 30,
      seed: 4101,
      make: (rng) => {
        const polygon = starPolygon(rng, rng.int(3, 10), 5);
        return [polygon, query(rng, polygon)];
      },
    },
    {
      name: 'random small combs',
      count: 20,
      seed: 4102,
      make: (rng) => {
        const polygon = doubleComb(rng, rng.int(1, 8), rng.int(-10, 10), rng.int(1, 4), 4);
        if (rng.bool()) return [polygon, query(rng, polygon)];
        // Level with the bar's edges, where the ray runs through vertices and along horizontal edges.
        const xs = polygon.map((p) => p[0]);
        const barHeight = Math.min(...polygon.filter((p) => p[1] > 0).map((p) => p[1]));
        return [polygon, [rng.int(Math.min(...xs) - 1, Math.max(...xs) + 1), rng.pick([0, barHeight])]];
      },
    },
    {
      name: 'random medium star polygons',
      count: 10,
      seed: 4103,
      make: (rng) => {
        const polygon = starPolygon(rng, rng.int(100, 3000), rng.int(100, 10_000));
        return [polygon, query(rng, polygon)];
      },
    },
    {
      name: 'maximum size star polygon',
      count: 1,
      seed: 4104,
      make: (rng) => {
        const polygon = starPolygon(rng, 100_000, 10_000);
        return [polygon, [rng.int(-100, 100), rng.int(-100, 100)]];
      },
    },
    {
      name: 'large comb, ray through 13332 vertices',
      count: 1,
      seed: 4105,
      make: (rng) => {
        const polygon = doubleComb(rng, 6666, -10_000, 2, 5);
        const barHeight = Math.min(...polygon.filter((p) => p[0] === -10_000 && p[1] > 0).map((p) => p[1]));
        return [polygon, [-9999, barHeight]];
      },
    },
  ],
});
