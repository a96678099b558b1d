/**
 * Return every set of exactly k distinct numbers from 1 to 9 that sums to n, in any order.
 */
function combinationSum3(k: number, n: number): number[][] {
  // Your code here.
  return [];
}
