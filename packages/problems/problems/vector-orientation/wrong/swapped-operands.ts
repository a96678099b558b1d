// expect: wrong_answer
// Computes (c - a) x (b - a): the cross product is anti-commutative, so every turn comes out reversed.
function orientation(a: [number, number], b: [number, number], c: [number, number]): number {
  const cross = (c[0] - a[0]) * (b[1] - a[1]) - (c[1] - a[1]) * (b[0] - a[0]);
  if (cross > 1e-9) return 1;
  if (cross < -1e-9) return -1;
  return 0;
}
