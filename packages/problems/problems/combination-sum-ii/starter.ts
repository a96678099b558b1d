/**
 * Return every distinct combination of elements of candidates (each element used at most once)
 * that sums to target, in any order.
 */
function combinationSum2(candidates: number[], target: number): number[][] {
  // Your code here.
  return [];
}
