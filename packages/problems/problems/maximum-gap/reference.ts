/**
 * Bucket (pigeonhole) solution, O(n) time and space.
 * With n values spread over [lo, hi], some gap is at least (hi - lo) / (n - 1). Buckets of width
 * size = max(1, floor((hi - lo) / (n - 1))) hold integers that differ by at most size - 1, which is
 * less than that lower bound, so the maximum gap never lies inside one bucket: it is the minimum of
 * some non-empty bucket minus the maximum of the non-empty bucket before it. Each bucket keeps only
 * its minimum and maximum.
 */
export function maximumGap(nums: number[]): number {
  const n = nums.length;
  if (n < 2) return 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of nums) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (lo === hi) return 0;

  const size = Math.max(1, Math.floor((hi - lo) / (n - 1)));
  const count = Math.floor((hi - lo) / size) + 1;
  const bucketMin = new Float64Array(count).fill(Infinity);
  const bucketMax = new Float64Array(count).fill(-Infinity);
  for (const x of nums) {
    const b = Math.floor((x - lo) / size);
    if (x < bucketMin[b]!) bucketMin[b] = x;
    if (x > bucketMax[b]!) bucketMax[b] = x;
  }

  let best = 0;
  let previousMax = lo; // bucket 0 always holds lo
  for (let b = 0; b < count; b++) {
    if (bucketMin[b] === Infinity) continue;
    best = Math.max(best, bucketMin[b]! - previousMax);
    previousMax = bucketMax[b]!;
  }
  return best;
}

/** The O(n log n) alternative: sort numerically and scan neighbours. */
export function maximumGapBySorting(nums: number[]): number {
  const sorted = Float64Array.from(nums).sort();
  let best = 0;
  for (let i = 1; i < sorted.length; i++) best = Math.max(best, sorted[i]! - sorted[i - 1]!);
  return best;
}

/** Radix sort (base 2^16, two passes; values are below 2^30) then scan: also O(n). */
export function maximumGapByRadixSort(nums: number[]): number {
  let a = Uint32Array.from(nums);
  let tmp = new Uint32Array(a.length);
  for (let shift = 0; shift < 32; shift += 16) {
    const counts = new Uint32Array(65_537);
    for (const x of a) counts[((x >>> shift) & 0xffff) + 1]!++;
    for (let d = 1; d <= 65_536; d++) counts[d]! += counts[d - 1]!;
    for (const x of a) tmp[counts[(x >>> shift) & 0xffff]!++] = x;
    [a, tmp] = [tmp, a];
  }
  let best = 0;
  for (let i = 1; i < a.length; i++) best = Math.max(best, a[i]! - a[i - 1]!);
  return best;
}
