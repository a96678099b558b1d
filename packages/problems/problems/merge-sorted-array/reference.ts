/**
 * Fill nums1 from the back: the largest remaining element of either array goes to the last free slot.
 * Writing from the back never overwrites an element of nums1 that has not been read yet, because
 * the write index k = i + j + 1 is always greater than the read index i. O(m + n) time, O(1) space.
 */
export function merge(nums1: number[], m: number, nums2: number[], n: number): void {
  let i = m - 1;
  let j = n - 1;
  for (let k = m + n - 1; j >= 0; k--) {
    if (i >= 0 && nums1[i]! > nums2[j]!) nums1[k] = nums1[i--]!;
    else nums1[k] = nums2[j--]!;
  }
}

/** The simple alternative: copy nums2 into the tail, then sort. O((m + n) log(m + n)). */
export function mergeBySorting(nums1: number[], m: number, nums2: number[], n: number): void {
  for (let j = 0; j < n; j++) nums1[m + j] = nums2[j]!;
  nums1.sort((a, b) => a - b);
}
