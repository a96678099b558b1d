// expect: wrong_answer
// Plain ray casting: correct inside/outside, but a point on the boundary gets 1 or -1 instead of 0.
function pointInPolygon(polygon: [number, number][], point: [number, number]): number {
  const [px, py] = point;
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[j]!;
    const b = polygon[i]!;
    if (a[1] > py !== b[1] > py) {
      const x = a[0] + ((py - a[1]) * (b[0] - a[0])) / (b[1] - a[1]);
      if (px < x) inside = !inside;
    }
  }
  return inside ? 1 : -1;
}
