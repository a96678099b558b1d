// expect: wrong_answer
// Adds the absolute area of each fan triangle, so the parts of a concave polygon's fan that stick out never cancel.
function polygonArea(points: [number, number][]): number {
  const [x0, y0] = points[0]!;
  let total = 0;
  for (let i = 1; i + 1 < points.length; i++) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[i + 1]!;
    total += Math.abs((ax - x0) * (by - y0) - (ay - y0) * (bx - x0)) / 2;
  }
  return total;
}
