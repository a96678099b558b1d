// expect: wrong_answer
// Stops when nums1 runs out, so the rest of nums2 is never copied.
function merge(nums1: number[], m: number, nums2: number[], n: number): void {
  let i = m - 1;
  let j = n - 1;
  let k = m + n - 1;
  while (i >= 0 && j >= 0) {
    if (nums1[i]! > nums2[j]!) nums1[k--] = nums1[i--]!;
    else nums1[k--] = nums2[j--]!;
  }
}
