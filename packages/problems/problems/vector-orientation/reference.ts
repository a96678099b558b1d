const EPS = 1e-9;

/**
 * The sign of the cross product (b - a) x (c - a), with |cross| <= EPS counted as zero.
 * The cross product is twice the signed area of triangle abc: positive when c is to the left of a -> b.
 */
export function orientation(a: [number, number], b: [number, number], c: [number, number]): number {
  const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  if (cross > EPS) return 1;
  if (cross < -EPS) return -1;
  return 0;
}

/** The same test written with the 3x3 determinant expanded around the origin. */
export function orientationByDeterminant(a: [number, number], b: [number, number], c: [number, number]): number {
  const det = a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]);
  return Math.abs(det) <= EPS ? 0 : Math.sign(det);
}
