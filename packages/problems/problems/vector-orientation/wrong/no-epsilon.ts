// expect: wrong_answer
// Compares the cross product with 0 exactly, so rounding noise on collinear decimals becomes a turn.
function orientation(a: [number, number], b: [number, number], c: [number, number]): number {
  const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return Math.sign(cross);
}
