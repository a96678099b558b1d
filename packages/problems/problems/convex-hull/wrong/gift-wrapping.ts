// expect: time_limit_exceeded
// Jarvis march is correct but O(n * h): with tens of thousands of hull vertices it needs billions of steps.
function convexHull(points: [number, number][]): [number, number][] {
  type P = [number, number];
  const cross = (a: P, b: P, c: P) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  const dist2 = (a: P, b: P) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const pts = sorted.filter((p, i) => i === 0 || p[0] !== sorted[i - 1]![0] || p[1] !== sorted[i - 1]![1]);
  if (pts.length <= 1) return pts;
  const hull: P[] = [];
  let current = pts[0]!;
  do {
    hull.push(current);
    let next = pts[0] === current ? pts[1]! : pts[0]!;
    for (const p of pts) {
      if (p === current) continue;
      const turn = cross(current, next, p);
      // p is clockwise of the candidate edge, or on it but farther: take p.
      if (turn < 0 || (turn === 0 && dist2(current, p) > dist2(current, next))) next = p;
    }
    current = next;
  } while (current !== pts[0]);
  return hull;
}
