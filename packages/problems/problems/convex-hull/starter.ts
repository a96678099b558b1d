/**
 * The convex hull's corners in counter-clockwise order (any starting corner), without points on edges.
 * [] for no points, [p] when all points equal p, the two extremes when all points are collinear.
 */
function convexHull(points: [number, number][]): [number, number][] {
  // Your code here.
  return [];
}
