// expect: wrong_answer
// Divide and conquer without the strip step: pairs with one point on each side of the split are never compared.
function closestPair(points: [number, number][]): number {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const solve = (lo: number, hi: number): number => {
    if (hi - lo <= 3) {
      let best = Infinity;
      for (let i = lo; i < hi; i++) {
        for (let j = i + 1; j < hi; j++) best = Math.min(best, Math.hypot(sorted[i]![0] - sorted[j]![0], sorted[i]![1] - sorted[j]![1]));
      }
      return best;
    }
    const mid = (lo + hi) >> 1;
    return Math.min(solve(lo, mid), solve(mid, hi));
  };
  return solve(0, sorted.length);
}
