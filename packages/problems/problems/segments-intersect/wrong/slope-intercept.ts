// expect: wrong_answer
// Intersects the lines y = m x + c; vertical and single-point segments give slopes of Infinity or NaN.
function segmentsIntersect(p1: [number, number], p2: [number, number], q1: [number, number], q2: [number, number]): boolean {
  const m1 = (p2[1] - p1[1]) / (p2[0] - p1[0]);
  const m2 = (q2[1] - q1[1]) / (q2[0] - q1[0]);
  const c1 = p1[1] - m1 * p1[0];
  const c2 = q1[1] - m2 * q1[0];
  const between = (v: number, a: number, b: number) => Math.min(a, b) - 1e-9 <= v && v <= Math.max(a, b) + 1e-9;
  if (Math.abs(m1 - m2) < 1e-9) {
    if (Math.abs(c1 - c2) > 1e-9) return false;
    return between(q1[0], p1[0], p2[0]) || between(q2[0], p1[0], p2[0]) || between(p1[0], q1[0], q2[0]);
  }
  const x = (c2 - c1) / (m1 - m2);
  return between(x, p1[0], p2[0]) && between(x, q1[0], q2[0]);
}
