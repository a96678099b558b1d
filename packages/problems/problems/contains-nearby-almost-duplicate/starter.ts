/**
 * true if two different indices i, j have |i - j| <= indexDiff and |nums[i] - nums[j]| <= valueDiff.
 */
function containsNearbyAlmostDuplicate(nums: number[], indexDiff: number, valueDiff: number): boolean {
  // Your code here.
  return nums.length < 0;
}
