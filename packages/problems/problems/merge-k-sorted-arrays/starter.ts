/**
 * Merge k arrays, each sorted in non-decreasing order, into one sorted array.
 */
function mergeKSorted(lists: number[][]): number[] {
  // Your code here.
  return [];
}
