// expect: wrong_answer
// Rounds half the total down instead of rejecting an odd total, so [1,2] "splits" into 1 and 2.
function canPartition(nums: number[]): boolean {
  const half = Math.floor(nums.reduce((a, b) => a + b, 0) / 2);
  const reachable = new Array<boolean>(half + 1).fill(false);
  reachable[0] = true;
  for (const x of nums) {
    for (let s = half; s >= x; s--) {
      if (reachable[s - x]) reachable[s] = true;
    }
  }
  return reachable[half]!;
}
