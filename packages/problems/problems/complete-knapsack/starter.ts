/**
 * Return the largest total value of items (each kind available any number of times)
 * whose total volume is at most capacity.
 */
function unboundedKnapsack(capacity: number, volumes: number[], values: number[]): number {
  // Your code here.
  return -1;
}
