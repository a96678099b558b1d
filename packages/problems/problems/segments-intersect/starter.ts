/**
 * true if segment p1p2 and segment q1q2 share at least one point (touching and overlapping count).
 * A segment may be a single point (p1 equal to p2). Compare with EPS = 1e-9.
 */
function segmentsIntersect(p1: [number, number], p2: [number, number], q1: [number, number], q2: [number, number]): boolean {
  // Your code here.
  return false;
}
