// expect: wrong_answer
// Counts an edge whenever py is within its closed y-range, so a vertex on the ray is counted by both of its edges.
function pointInPolygon(polygon: [number, number][], point: [number, number]): number {
  const [px, py] = point;
  let crossings = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    const cross = (b[0] - a[0]) * (py - a[1]) - (b[1] - a[1]) * (px - a[0]);
    if (
      cross === 0 &&
      Math.min(a[0], b[0]) <= px &&
      px <= Math.max(a[0], b[0]) &&
      Math.min(a[1], b[1]) <= py &&
      py <= Math.max(a[1], b[1])
    ) {
      return 0;
    }
    if (a[1] !== b[1] && Math.min(a[1], b[1]) <= py && py <= Math.max(a[1], b[1])) {
      const x = a[0] + ((py - a[1]) * (b[0] - a[0])) / (b[1] - a[1]);
      if (x > px) crossings++;
    }
  }
  return crossings % 2 === 1 ? 1 : -1;
}
