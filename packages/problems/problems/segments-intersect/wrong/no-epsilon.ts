// expect: wrong_answer
// Right case analysis, but compares cross products with 0 exactly, so decimal touching points look like misses.
function segmentsIntersect(p1: [number, number], p2: [number, number], q1: [number, number], q2: [number, number]): boolean {
  const orient = (a: [number, number], b: [number, number], c: [number, number]) =>
    Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  const onBox = (a: [number, number], b: [number, number], p: [number, number]) =>
    Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
  const d1 = orient(q1, q2, p1);
  const d2 = orient(q1, q2, p2);
  const d3 = orient(p1, p2, q1);
  const d4 = orient(p1, p2, q2);
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  return (
    (d1 === 0 && onBox(q1, q2, p1)) || (d2 === 0 && onBox(q1, q2, p2)) || (d3 === 0 && onBox(p1, p2, q1)) || (d4 === 0 && onBox(p1, p2, q2))
  );
}
