// expect: time_limit_exceeded
// Compares each element with the previous indexDiff ones: O(n * indexDiff), 5e9 comparisons at the maximum size.
function containsNearbyAlmostDuplicate(nums: number[], indexDiff: number, valueDiff: number): boolean {
  for (let i = 0; i < nums.length; i++) {
    for (let j = Math.max(0, i - indexDiff); j < i; j++) {
      if (Math.abs(nums[i]! - nums[j]!) <= valueDiff) return true;
    }
  }
  return false;
}
