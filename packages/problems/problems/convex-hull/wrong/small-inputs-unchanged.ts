// expect: wrong_answer
// Returns inputs with fewer than 3 points as they are, so repeated points are reported twice.
function convexHull(points: [number, number][]): [number, number][] {
  type P = [number, number];
  if (points.length < 3) return points;
  const cross = (a: P, b: P, c: P) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const pts = sorted.filter((p, i) => i === 0 || p[0] !== sorted[i - 1]![0] || p[1] !== sorted[i - 1]![1]);
  if (pts.length <= 1) return pts;
  const chain = (ordered: P[]) => {
    const out: P[] = [];
    for (const p of ordered) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...chain(pts), ...chain([...pts].reverse())];
}
