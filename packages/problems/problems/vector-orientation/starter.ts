/**
 * 1 if a -> b -> c turns counter-clockwise, -1 if clockwise, 0 if the points are collinear.
 * Compare the cross product (b - a) x (c - a) with EPS = 1e-9.
 */
function orientation(a: [number, number], b: [number, number], c: [number, number]): number {
  // Your code here.
  return 2;
}
