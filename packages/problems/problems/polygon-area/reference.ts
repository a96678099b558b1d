type Point = [number, number];

/**
 * Signed area by a fan of triangles from the first vertex: twice the signed area of (p0, p[i], p[i+1]) is
 * (p[i] - p0) x (p[i+1] - p0). Measuring from p0 rather than the origin keeps the products small
 * when the polygon is far from the origin. The sign is the orientation; the area is its absolute value.
 */
export function polygonArea(points: Point[]): number {
  const x0 = points[0]![0];
  const y0 = points[0]![1];
  let twice = 0;
  for (let i = 1; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    twice += (a[0] - x0) * (b[1] - y0) - (a[1] - y0) * (b[0] - x0);
  }
  return Math.abs(twice) / 2;
}

/** The shoelace formula around the origin: sum of x[i] * y[i+1] - x[i+1] * y[i] over all edges. */
export function polygonAreaShoelace(points: Point[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    twice += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(twice) / 2;
}

/** The trapezoid formula: each edge contributes the signed area of the trapezoid between it and the x-axis. */
export function polygonAreaTrapezoids(points: Point[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    twice += (a[0] - b[0]) * (a[1] + b[1]);
  }
  return Math.abs(twice) / 2;
}
