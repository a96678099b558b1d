/**
 * Return every combination of numbers from candidates (each number usable any number of times)
 * that sums to target, each combination once, in any order.
 */
function combinationSum(candidates: number[], target: number): number[][] {
  // Your code here.
  return [];
}
