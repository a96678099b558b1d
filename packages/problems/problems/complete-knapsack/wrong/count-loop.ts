// expect: time_limit_exceeded
// Tries every count k of each item for every volume: O(N * V * V / v), far too slow when volumes are small.
function unboundedKnapsack(capacity: number, volumes: number[], values: number[]): number {
  let prev = new Array<number>(capacity + 1).fill(0);
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i]!;
    const row = new Array<number>(capacity + 1).fill(0);
    for (let j = 0; j <= capacity; j++) {
      for (let k = 0; k * v <= j; k++) {
        row[j] = Math.max(row[j]!, prev[j - k * v]! + k * values[i]!);
      }
    }
    prev = row;
  }
  return prev[capacity]!;
}
