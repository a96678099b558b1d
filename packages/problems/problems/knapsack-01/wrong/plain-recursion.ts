// expect: time_limit_exceeded
// Tries "take" and "skip" for every item without remembering results: exponential in the number of items.
function knapsack01(capacity: number, volumes: number[], values: number[]): number {
  const best = (i: number, room: number): number => {
    if (i === volumes.length) return 0;
    const skip = best(i + 1, room);
    if (volumes[i]! > room) return skip;
    return Math.max(skip, values[i]! + best(i + 1, room - volumes[i]!));
  };
  return best(0, capacity);
}
