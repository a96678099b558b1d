/**
 * Return the largest total value of items, each taken at most once, whose total volume is at most capacity.
 */
function knapsack01(capacity: number, volumes: number[], values: number[]): number {
  // Your code here.
  return -1;
}
