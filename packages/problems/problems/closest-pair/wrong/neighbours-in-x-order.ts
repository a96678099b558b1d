// expect: wrong_answer
// Sorts by x and only compares consecutive points; the closest pair need not be adjacent in x order.
function closestPair(points: [number, number][]): number {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let best = Infinity;
  for (let i = 0; i + 1 < sorted.length; i++) {
    best = Math.min(best, Math.hypot(sorted[i + 1]![0] - sorted[i]![0], sorted[i + 1]![1] - sorted[i]![1]));
  }
  return best;
}
