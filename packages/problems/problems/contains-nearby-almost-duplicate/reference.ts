/**
 * Buckets of width w = valueDiff + 1: bucket b holds values in [b*w, (b+1)*w). Two values in one bucket differ
 * by at most valueDiff, and values that close can only sit in the same or an adjacent bucket. Keep one value
 * per bucket for the last indexDiff elements (a second one would already have answered true). O(n) time,
 * O(min(n, indexDiff)) space. Math.floor, not truncation, so negative values get their own buckets.
 */
export function containsNearbyAlmostDuplicate(nums: number[], indexDiff: number, valueDiff: number): boolean {
  const width = valueDiff + 1;
  const buckets = new Map<number, number>();
  for (let i = 0; i < nums.length; i++) {
    const x = nums[i]!;
    const id = Math.floor(x / width);
    if (buckets.has(id)) return true;
    const below = buckets.get(id - 1);
    if (below !== undefined && x - below <= valueDiff) return true;
    const above = buckets.get(id + 1);
    if (above !== undefined && above - x <= valueDiff) return true;
    buckets.set(id, x);
    if (i >= indexDiff) buckets.delete(Math.floor(nums[i - indexDiff]! / width));
  }
  return false;
}
