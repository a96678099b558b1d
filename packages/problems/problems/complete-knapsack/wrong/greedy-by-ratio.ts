// expect: wrong_answer
// Fills the knapsack with the best value-per-volume kind first, then the next: the leftover space can be wasted.
function unboundedKnapsack(capacity: number, volumes: number[], values: number[]): number {
  const order = volumes.map((_, i) => i).sort((a, b) => values[b]! / volumes[b]! - values[a]! / volumes[a]!);
  let room = capacity;
  let total = 0;
  for (const i of order) {
    const copies = Math.floor(room / volumes[i]!);
    room -= copies * volumes[i]!;
    total += copies * values[i]!;
  }
  return total;
}
