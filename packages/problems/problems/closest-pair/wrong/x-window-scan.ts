// expect: time_limit_exceeded
// Sorts by x and scans forward while dx < best: correct, but O(n^2) when the points share nearly the same x.
function closestPair(points: [number, number][]): number {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  let best = Infinity;
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]![0] - sorted[i]![0] < best; j++) {
      best = Math.min(best, Math.hypot(sorted[j]![0] - sorted[i]![0], sorted[j]![1] - sorted[i]![1]));
    }
  }
  return best;
}
