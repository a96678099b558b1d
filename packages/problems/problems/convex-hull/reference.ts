type Point = [number, number];

/** (b - a) x (c - a): positive for a left turn. Exact for coordinates up to 1e6 (|value| < 2^53). */
function cross(a: Point, b: Point, c: Point): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** Sorted by x then y, with repeated points removed. */
function sortedDistinct(points: Point[]): Point[] {
  const sorted = points.map((p): Point => [p[0], p[1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return sorted.filter((p, i) => i === 0 || p[0] !== sorted[i - 1]![0] || p[1] !== sorted[i - 1]![1]);
}

/**
 * Andrew's monotone chain. Sweep left to right building the lower hull, then right to left building
 * the upper hull; pop while the last two points and the new one do not make a strict left turn, which
 * removes collinear points too. O(n log n) for the sort, O(n) for the chains.
 */
export function convexHull(points: Point[]): Point[] {
  const pts = sortedDistinct(points);
  if (pts.length <= 1) return pts;
  const chain = (ordered: Point[]): Point[] => {
    const out: Point[] = [];
    for (const p of ordered) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop(); // the last point starts the other chain
    return out;
  };
  const lower = chain(pts);
  const upper = chain([...pts].reverse());
  return [...lower, ...upper];
}

/**
 * Graham scan: sort by angle around the lowest point (ties by distance), then one stack pass.
 * Starts at a different vertex than the monotone chain; the checker accepts any rotation.
 */
export function convexHullGraham(points: Point[]): Point[] {
  const pts = sortedDistinct(points);
  if (pts.length <= 1) return pts;
  let pivot = pts[0]!;
  for (const p of pts) if (p[1] < pivot[1] || (p[1] === pivot[1] && p[0] < pivot[0])) pivot = p;
  const dist2 = (p: Point): number => (p[0] - pivot[0]) ** 2 + (p[1] - pivot[1]) ** 2;
  const rest = pts.filter((p) => p !== pivot).sort((a, b) => -cross(pivot, a, b) || dist2(a) - dist2(b));
  const stack: Point[] = [pivot];
  for (const p of rest) {
    while (stack.length >= 2 && cross(stack[stack.length - 2]!, stack[stack.length - 1]!, p) <= 0) stack.pop();
    stack.push(p);
  }
  return stack;
}
