// expect: wrong_answer
// Array.prototype.sort without a comparator orders numbers as strings, so neighbours are wrong.
function maximumGap(nums: number[]): number {
  const sorted = [...nums].sort();
  let best = 0;
  for (let i = 1; i < sorted.length; i++) best = Math.max(best, sorted[i]! - sorted[i - 1]!);
  return best;
}
