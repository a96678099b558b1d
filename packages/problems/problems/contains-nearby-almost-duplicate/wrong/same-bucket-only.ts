// expect: wrong_answer
// Only looks in the element's own bucket; close values just across a bucket boundary are missed.
function containsNearbyAlmostDuplicate(nums: number[], indexDiff: number, valueDiff: number): boolean {
  const w = valueDiff + 1;
  const buckets = new Map<number, number>();
  for (let i = 0; i < nums.length; i++) {
    const id = Math.floor(nums[i]! / w);
    if (buckets.has(id)) return true;
    buckets.set(id, nums[i]!);
    if (i >= indexDiff) buckets.delete(Math.floor(nums[i - indexDiff]! / w));
  }
  return false;
}
