/**
 * Subset sum as a 0-1 knapsack over sums: the split exists iff some subset sums to total / 2.
 * reachable[s] says whether some subset of the numbers seen so far sums to s; for each number x,
 * s runs DOWN from half to x so that x is used at most once. O(n * total) time, O(total) space.
 */
export function canPartition(nums: number[]): boolean {
  const total = nums.reduce((a, b) => a + b, 0);
  if (total % 2 !== 0) return false;
  const half = total / 2;
  const reachable = new Uint8Array(half + 1);
  reachable[0] = 1;
  for (const x of nums) {
    for (let s = half; s >= x; s--) {
      if (reachable[s - x]) reachable[s] = 1;
    }
    if (reachable[half]) return true;
  }
  return reachable[half] === 1;
}

/** Alternative: the same DP as a bitset. Bit s of `sums` is set iff some subset sums to s. */
export function canPartitionBitset(nums: number[]): boolean {
  const total = nums.reduce((a, b) => a + b, 0);
  if (total % 2 !== 0) return false;
  let sums = 1n;
  for (const x of nums) sums |= sums << BigInt(x);
  return ((sums >> BigInt(total / 2)) & 1n) === 1n;
}

/** Alternative: the 2-D table can[i][s] over the first i numbers, the textbook form before compressing it. */
export function canPartitionTable(nums: number[]): boolean {
  const total = nums.reduce((a, b) => a + b, 0);
  if (total % 2 !== 0) return false;
  const half = total / 2;
  let prev = new Array<boolean>(half + 1).fill(false);
  prev[0] = true;
  for (const x of nums) {
    const row = prev.map((can, s) => can || (s >= x && prev[s - x]!));
    prev = row;
  }
  return prev[half]!;
}
