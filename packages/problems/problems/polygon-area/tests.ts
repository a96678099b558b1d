import { defineTests, type Rng } from '../../src/testkit';

type Point = [number, number];
type Args = [points: Point[]];

const LIMIT = 10_000;

/** A coordinate with `places` digits after the point, as the nearest double. */
const decimal = (rng: Rng, lo: number, hi: number, places: number): number => {
  const scale = 10 ** places;
  return rng.int(Math.ceil(lo * scale), Math.floor(hi * scale)) / scale;
};

/**
 * A star-shaped simple polygon: distinct points sorted by angle around a center, with one point near each
 * of the four axis directions so that no angular gap reaches pi. Edges stay inside their own angular
 * sectors, so they cannot cross. Ties in angle are ordered by distance, which keeps the boundary simple.
 */
function starPolygon(rng: Rng, n: number, radius: number, places: number, center: Point = [0, 0]): Point[] {
  const clamp = (v: number): number => Math.max(-LIMIT, Math.min(LIMIT, v));
  const seen = new Set<string>();
  const points: Point[] = [];
  const add = (p: Point): void => {
    const key = `${p[0]},${p[1]}`;
    if (p[0] === center[0] && p[1] === center[1]) return;
    if (!seen.has(key)) {
      seen.add(key);
      points.push(p);
    }
  };
  const axis = radius / 2;
  for (const [dx, dy] of [
    [axis, 0],
    [0, axis],
    [-axis, 0],
    [0, -axis],
  ] as const)
    add([clamp(center[0] + dx), clamp(center[1] + dy)]);
  while (points.length < n) {
    add([clamp(center[0] + decimal(rng, -radius, radius, places)), clamp(center[1] + decimal(rng, -radius, radius, places))]);
  }
  const angle = (p: Point): number => Math.atan2(p[1] - center[1], p[0] - center[0]);
  const dist = (p: Point): number => Math.hypot(p[0] - center[0], p[1] - center[1]);
  points.sort((a, b) => angle(a) - angle(b) || dist(a) - dist(b));
  const start = rng.int(0, points.length - 1);
  const rotated = [...points.slice(start), ...points.slice(0, start)];
  return rng.bool() ? rotated : rotated.reverse();
}

/** A rectilinear comb: a base bar with `teeth` upward teeth; concave, with many collinear edges. */
function comb(rng: Rng, teeth: number): Point[] {
  const width = rng.int(1, 3);
  const gap = rng.int(1, 3);
  const height = rng.int(1, 20);
  const x0 = rng.int(-100, 0);
  const y0 = rng.int(-100, 0);
  const points: Point[] = [[x0, y0]];
  const right = x0 + teeth * (width + gap) - gap;
  points.push([right, y0]);
  for (let t = teeth - 1; t >= 0; t--) {
    const left = x0 + t * (width + gap);
    points.push([left + width, y0 + 1 + height], [left, y0 + 1 + height]);
    if (t > 0) points.push([left, y0 + 1], [left - gap, y0 + 1]);
  }
  return rng.bool() ? points : points.reverse();
}

export default defineTests<Args>({
  cases: [
    {
      name: 'example 1: square, counter-clockwise',
      args: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
        ],
      ],
      sample: true,
      expected: 16,
    },
    {
      name: 'example 2: triangle, clockwise',
      args: [
        [
          [0, 0],
          [0, 3],
          [4, 0],
        ],
      ],
      sample: true,
      expected: 6,
    },
    {
      name: 'example 3: L-shape',
      args: [
        [
          [0, 0],
          [4, 0],
          [4, 1],
          [1, 1],
          [1, 3],
          [0, 3],
        ],
      ],
      sample: true,
      expected: 6,
    },
    {
      name: 'smallest triangle',
      args: [
        [
          [0, 0],
          [1, 0],
          [0, 1],
        ],
      ],
      expected: 0.5,
    },
    {
      name: 'square, clockwise',
      args: [
        [
          [0, 0],
          [0, 4],
          [4, 4],
          [4, 0],
        ],
      ],
      expected: 16,
    },
    {
      name: 'L-shape starting at the reflex vertex',
      args: [
        [
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
          [4, 0],
          [4, 1],
        ],
      ],
      expected: 6,
    },
    {
      name: 'L-shape, clockwise',
      args: [
        [
          [0, 3],
          [1, 3],
          [1, 1],
          [4, 1],
          [4, 0],
          [0, 0],
        ],
      ],
      expected: 6,
    },
    {
      name: 'dart (concave quadrilateral)',
      args: [
        [
          [0, 0],
          [2, 1],
          [4, 0],
          [2, 4],
        ],
      ],
      expected: 6,
    },
    {
      name: 'U-shape with a notch',
      args: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
        ],
      ],
      expected: 7,
    },
    {
      name: 'collinear vertices on the edges',
      args: [
        [
          [0, 0],
          [2, 0],
          [4, 0],
          [4, 2],
          [4, 4],
          [0, 4],
          [0, 2],
        ],
      ],
      expected: 16,
    },
    {
      name: 'pentagon',
      args: [
        [
          [0, 0],
          [4, 0],
          [5, 3],
          [2, 5],
          [-1, 3],
        ],
      ],
      expected: 21,
    },
    {
      name: 'negative coordinates',
      args: [
        [
          [-3, -2],
          [1, -4],
          [2, 1],
          [-2, 3],
        ],
      ],
      expected: 22,
    },
    {
      name: 'origin outside the polygon',
      args: [
        [
          [5, 5],
          [7, 5],
          [5, 9],
        ],
      ],
      expected: 4,
    },
    {
      name: 'decimal coordinates',
      args: [
        [
          [0.1, 0.1],
          [0.4, 0.1],
          [0.1, 0.5],
        ],
      ],
      expected: 0.06,
    },
    {
      name: 'unit square far from the origin',
      args: [
        [
          [9999, 9999],
          [10000, 9999],
          [10000, 10000],
          [9999, 10000],
        ],
      ],
      expected: 1,
    },
    {
      name: 'tiny triangle far from the origin',
      args: [
        [
          [-10000, -10000],
          [-9999.5, -10000],
          [-10000, -9999.99],
        ],
      ],
      expected: 0.0025,
    },
    {
      name: 'largest square',
      args: [
        [
          [-10000, -10000],
          [10000, -10000],
          [10000, 10000],
          [-10000, 10000],
        ],
      ],
      expected: 400_000_000,
    },
    {
      name: 'long thin sliver',
      args: [
        [
          [-10000, 0],
          [10000, 0],
          [10000, 0.001],
        ],
      ],
      expected: 10,
    },
  ],
  generators: [
    { name: 'random small star polygons', count: 25, seed: 3101, make: (rng) => [starPolygon(rng, rng.int(4, 10), 20, 0)] },
    { name: 'random decimal star polygons', count: 15, seed: 3102, make: (rng) => [starPolygon(rng, rng.int(10, 2000), 10_000, 2)] },
    {
      name: 'small polygons far from the origin',
      count: 10,
      seed: 3103,
      make: (rng) => [starPolygon(rng, rng.int(4, 50), 1, 3, [rng.pick([-1, 1]) * 9998, rng.pick([-1, 1]) * 9998])],
    },
    { name: 'combs', count: 10, seed: 3104, make: (rng) => [comb(rng, rng.int(1, 50))] },
    { name: 'maximum size', count: 1, seed: 3105, make: (rng) => [starPolygon(rng, 100_000, 10_000, 2)] },
  ],
});
