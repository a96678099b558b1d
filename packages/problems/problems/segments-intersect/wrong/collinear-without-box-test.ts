// expect: wrong_answer
// Treats an endpoint on the other segment's line as touching, without checking it lies between the ends.
function segmentsIntersect(p1: [number, number], p2: [number, number], q1: [number, number], q2: [number, number]): boolean {
  const EPS = 1e-9;
  const orient = (a: [number, number], b: [number, number], c: [number, number]) => {
    const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    return cross > EPS ? 1 : cross < -EPS ? -1 : 0;
  };
  const d1 = orient(q1, q2, p1);
  const d2 = orient(q1, q2, p2);
  const d3 = orient(p1, p2, q1);
  const d4 = orient(p1, p2, q2);
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  return d1 === 0 || d2 === 0 || d3 === 0 || d4 === 0;
}
