type Point = [number, number];

const EPS = 1e-9;

/** Sign of the cross product (b - a) x (c - a), with |cross| <= EPS counted as collinear. */
function orientation(a: Point, b: Point, c: Point): number {
  const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  if (cross > EPS) return 1;
  if (cross < -EPS) return -1;
  return 0;
}

/** For p collinear with a and b: is p inside the bounding box of segment ab, and so on the segment? */
function withinBox(a: Point, b: Point, p: Point): boolean {
  return (
    Math.min(a[0], b[0]) - EPS <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) + EPS &&
    Math.min(a[1], b[1]) - EPS <= p[1] &&
    p[1] <= Math.max(a[1], b[1]) + EPS
  );
}

/**
 * Proper crossing: each segment's endpoints lie strictly on opposite sides of the other's line.
 * Otherwise they can only meet at an endpoint that is collinear with the other segment and inside its box;
 * this also covers collinear overlaps and segments that are single points.
 */
export function segmentsIntersect(p1: Point, p2: Point, q1: Point, q2: Point): boolean {
  const d1 = orientation(q1, q2, p1);
  const d2 = orientation(q1, q2, p2);
  const d3 = orientation(p1, p2, q1);
  const d4 = orientation(p1, p2, q2);
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  return (
    (d1 === 0 && withinBox(q1, q2, p1)) ||
    (d2 === 0 && withinBox(q1, q2, p2)) ||
    (d3 === 0 && withinBox(p1, p2, q1)) ||
    (d4 === 0 && withinBox(p1, p2, q2))
  );
}
