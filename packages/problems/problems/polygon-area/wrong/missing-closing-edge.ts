// expect: wrong_answer
// Stops the shoelace sum at the last vertex, leaving out the edge that closes the polygon.
function polygonArea(points: [number, number][]): number {
  let twice = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[i + 1]!;
    twice += ax * by - bx * ay;
  }
  return Math.abs(twice) / 2;
}
