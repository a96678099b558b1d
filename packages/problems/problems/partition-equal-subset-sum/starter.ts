/**
 * Return true if nums can be split into two subsets with equal sums.
 */
function canPartition(nums: number[]): boolean {
  // Your code here.
  return nums.length < 0;
}
