// expect: wrong_answer
// The 1-D loop runs j upwards, so best[j - v] may already include this item: items get reused (complete knapsack).
function knapsack01(capacity: number, volumes: number[], values: number[]): number {
  const best = new Array<number>(capacity + 1).fill(0);
  for (let i = 0; i < volumes.length; i++) {
    for (let j = volumes[i]!; j <= capacity; j++) {
      best[j] = Math.max(best[j]!, best[j - volumes[i]!]! + values[i]!);
    }
  }
  return best[capacity]!;
}
