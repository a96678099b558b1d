// expect: wrong_answer
// Takes items by value per unit of volume while they fit: a good item can waste space that two others would fill better.
function knapsack01(capacity: number, volumes: number[], values: number[]): number {
  const order = volumes.map((_, i) => i).sort((a, b) => values[b]! / volumes[b]! - values[a]! / volumes[a]!);
  let room = capacity;
  let total = 0;
  for (const i of order) {
    if (volumes[i]! <= room) {
      room -= volumes[i]!;
      total += values[i]!;
    }
  }
  return total;
}
