// expect: runtime_error
// No n < 2 or all-equal guard and no size >= 1: the bucket width is 0/0 or 0 and new Array(NaN) throws.
function maximumGap(nums: number[]): number {
  const n = nums.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of nums) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const size = Math.floor((hi - lo) / (n - 1));
  const count = Math.floor((hi - lo) / size) + 1;
  const bucketMin = new Array<number>(count).fill(Infinity);
  const bucketMax = new Array<number>(count).fill(-Infinity);
  for (const x of nums) {
    const b = Math.floor((x - lo) / size);
    bucketMin[b] = Math.min(bucketMin[b]!, x);
    bucketMax[b] = Math.max(bucketMax[b]!, x);
  }
  let best = 0;
  let previousMax = lo;
  for (let b = 0; b < count; b++) {
    if (bucketMin[b] === Infinity) continue;
    best = Math.max(best, bucketMin[b]! - previousMax);
    previousMax = bucketMax[b]!;
  }
  return best;
}
