/**
 * Return the largest difference between two neighbours of nums in sorted order,
 * or 0 when nums has fewer than two elements.
 */
function maximumGap(nums: number[]): number {
  // Your code here.
  return -1;
}
