// expect: wrong_answer
// Uses EPS = 1e-6 instead of the stated 1e-9, so a shallow but real turn is called collinear.
function orientation(a: [number, number], b: [number, number], c: [number, number]): number {
  const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  if (cross > 1e-6) return 1;
  if (cross < -1e-6) return -1;
  return 0;
}
