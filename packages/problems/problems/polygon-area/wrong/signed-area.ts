// expect: wrong_answer
// Returns the signed shoelace area, which is negative when the vertices run clockwise.
function polygonArea(points: [number, number][]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[(i + 1) % points.length]!;
    twice += ax * by - bx * ay;
  }
  return twice / 2;
}
