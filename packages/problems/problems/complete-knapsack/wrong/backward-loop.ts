// expect: wrong_answer
// Runs j downwards as in the 0-1 knapsack, so every kind is taken at most once.
function unboundedKnapsack(capacity: number, volumes: number[], values: number[]): number {
  const best = new Array<number>(capacity + 1).fill(0);
  for (let i = 0; i < volumes.length; i++) {
    for (let j = capacity; j >= volumes[i]!; j--) {
      best[j] = Math.max(best[j]!, best[j - volumes[i]!]! + values[i]!);
    }
  }
  return best[capacity]!;
}
