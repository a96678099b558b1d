type Point = [number, number];

/**
 * dx*dx + dy*dy can reach 8e18, beyond 2^53, so it is rounded; the relative error stays near 1e-16,
 * far inside the tolerance. Math.hypot avoids the rounding too but is several times slower.
 */
const distance = (dx: number, dy: number): number => Math.sqrt(dx * dx + dy * dy);

/**
 * Divide and conquer. Split the points (sorted by x) at the median, solve both halves, then look for a
 * closer pair straddling the split inside the strip |x - midX| < d. Walking the strip in y order, each point
 * needs only the following points whose y is within d; a packing argument bounds them by a constant.
 * The recursion also merge-sorts each range by y, so the strip needs no extra sort: O(n log n).
 */
export function closestPair(points: Point[]): number {
  const n = points.length;
  const order = points.map((_, i) => i).sort((a, b) => points[a]![0] - points[b]![0] || points[a]![1] - points[b]![1]);
  const xs = Float64Array.from(order, (i) => points[i]![0]);
  const ys = Float64Array.from(order, (i) => points[i]![1]);
  const bufX = new Float64Array(n);
  const bufY = new Float64Array(n);
  const stripX = new Float64Array(n);
  const stripY = new Float64Array(n);

  /** Smallest distance within [lo, hi); leaves that range sorted by y. */
  const solve = (lo: number, hi: number): number => {
    if (hi - lo <= 3) {
      let best = Infinity;
      for (let i = lo; i < hi; i++) {
        for (let j = i + 1; j < hi; j++) best = Math.min(best, distance(xs[i]! - xs[j]!, ys[i]! - ys[j]!));
      }
      // Insertion sort by y, keeping x alongside.
      for (let i = lo + 1; i < hi; i++) {
        const x = xs[i]!;
        const y = ys[i]!;
        let j = i - 1;
        for (; j >= lo && ys[j]! > y; j--) {
          xs[j + 1] = xs[j]!;
          ys[j + 1] = ys[j]!;
        }
        xs[j + 1] = x;
        ys[j + 1] = y;
      }
      return best;
    }
    const mid = (lo + hi) >> 1;
    const midX = xs[mid]!;
    let best = Math.min(solve(lo, mid), solve(mid, hi));

    // Merge the two y-sorted halves.
    let i = lo;
    let j = mid;
    let k = lo;
    while (i < mid || j < hi) {
      const fromLeft = j >= hi || (i < mid && ys[i]! <= ys[j]!);
      const from = fromLeft ? i++ : j++;
      bufX[k] = xs[from]!;
      bufY[k++] = ys[from]!;
    }
    xs.set(bufX.subarray(lo, hi), lo);
    ys.set(bufY.subarray(lo, hi), lo);

    // Points within best of the dividing line, in y order; compare each with the next ones within best in y.
    let m = 0;
    for (let t = lo; t < hi; t++) {
      if (Math.abs(xs[t]! - midX) < best) {
        stripX[m] = xs[t]!;
        stripY[m++] = ys[t]!;
      }
    }
    for (let a = 0; a < m; a++) {
      for (let b = a + 1; b < m && stripY[b]! - stripY[a]! < best; b++) {
        best = Math.min(best, distance(stripX[a]! - stripX[b]!, stripY[a]! - stripY[b]!));
      }
    }
    return best;
  };
  return solve(0, n);
}
