// expect: wrong_answer
// Never removes values that fell out of the window, so a close value from too long ago still counts.
function containsNearbyAlmostDuplicate(nums: number[], indexDiff: number, valueDiff: number): boolean {
  const w = valueDiff + 1;
  const buckets = new Map<number, number>();
  for (let i = 0; i < nums.length; i++) {
    const x = nums[i]!;
    const id = Math.floor(x / w);
    if (buckets.has(id)) return true;
    const below = buckets.get(id - 1);
    if (below !== undefined && x - below <= valueDiff) return true;
    const above = buckets.get(id + 1);
    if (above !== undefined && above - x <= valueDiff) return true;
    buckets.set(id, x);
  }
  return false;
}
