// expect: wrong_answer
// Bucket ids from Math.trunc round towards zero, so bucket 0 spans (-w, w) and holds values up to 2 * valueDiff apart.
function containsNearbyAlmostDuplicate(nums: number[], indexDiff: number, valueDiff: number): boolean {
  const w = valueDiff + 1;
  const buckets = new Map<number, number>();
  for (let i = 0; i < nums.length; i++) {
    const x = nums[i]!;
    const id = Math.trunc(x / w);
    if (buckets.has(id)) return true;
    const below = buckets.get(id - 1);
    if (below !== undefined && Math.abs(x - below) <= valueDiff) return true;
    const above = buckets.get(id + 1);
    if (above !== undefined && Math.abs(above - x) <= valueDiff) return true;
    buckets.set(id, x);
    if (i >= indexDiff) buckets.delete(Math.trunc(nums[i - indexDiff]! / w));
  }
  return false;
}
