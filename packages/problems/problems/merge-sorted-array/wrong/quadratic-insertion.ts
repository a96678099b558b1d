// expect: time_limit_exceeded
// Inserts each element of nums2 by shifting: O(m * n), too slow at the maximum size.
function merge(nums1: number[], m: number, nums2: number[], n: number): void {
  let len = m;
  for (let j = 0; j < n; j++) {
    let k = len - 1;
    while (k >= 0 && nums1[k]! > nums2[j]!) {
      nums1[k + 1] = nums1[k]!;
      k--;
    }
    nums1[k + 1] = nums2[j]!;
    len++;
  }
}
