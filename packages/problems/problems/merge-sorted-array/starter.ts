/**
 * Merge nums2 into nums1 in place. nums1 has room for m + n numbers.
 * Do not return anything.
 */
function merge(nums1: number[], m: number, nums2: number[], n: number): void {
  // Your code here.
}
