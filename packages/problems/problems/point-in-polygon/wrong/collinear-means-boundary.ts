// expect: wrong_answer
// Calls a point on the boundary when it is on the line through an edge, even past the edge's ends.
function pointInPolygon(polygon: [number, number][], point: [number, number]): number {
  const [px, py] = point;
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[j]!;
    const b = polygon[i]!;
    const cross = (b[0] - a[0]) * (py - a[1]) - (b[1] - a[1]) * (px - a[0]);
    if (cross === 0) return 0;
    if (a[1] > py !== b[1] > py && cross > 0 === b[1] > a[1]) inside = !inside;
  }
  return inside ? 1 : -1;
}
