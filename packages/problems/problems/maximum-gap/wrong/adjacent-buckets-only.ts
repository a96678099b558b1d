// expect: wrong_answer
// Compares only buckets b - 1 and b, so it misses the gaps that span empty buckets, where the maximum usually is.
function maximumGap(nums: number[]): number {
  const n = nums.length;
  if (n < 2) return 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of nums) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  if (lo === hi) return 0;
  const size = Math.max(1, Math.floor((hi - lo) / (n - 1)));
  const count = Math.floor((hi - lo) / size) + 1;
  const bucketMin = new Array<number>(count).fill(Infinity);
  const bucketMax = new Array<number>(count).fill(-Infinity);
  for (const x of nums) {
    const b = Math.floor((x - lo) / size);
    bucketMin[b] = Math.min(bucketMin[b]!, x);
    bucketMax[b] = Math.max(bucketMax[b]!, x);
  }
  let best = 0;
  for (let b = 1; b < count; b++) {
    if (bucketMin[b] !== Infinity && bucketMax[b - 1] !== -Infinity) {
      best = Math.max(best, bucketMin[b]! - bucketMax[b - 1]!);
    }
  }
  return best;
}
