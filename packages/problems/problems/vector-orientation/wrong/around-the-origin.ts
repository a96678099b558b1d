// expect: wrong_answer
// Takes b x c instead of (b - a) x (c - a): that is the turn seen from the origin, not from a.
function orientation(a: [number, number], b: [number, number], c: [number, number]): number {
  const cross = b[0] * c[1] - b[1] * c[0];
  if (cross > 1e-9) return 1;
  if (cross < -1e-9) return -1;
  return 0;
}
