// expect: wrong_answer
// Runs s upwards, so a number can be counted several times: [1,2,5] "reaches" 4 as 1 + 1 + 2.
function canPartition(nums: number[]): boolean {
  const total = nums.reduce((a, b) => a + b, 0);
  if (total % 2 !== 0) return false;
  const half = total / 2;
  const reachable = new Array<boolean>(half + 1).fill(false);
  reachable[0] = true;
  for (const x of nums) {
    for (let s = x; s <= half; s++) {
      if (reachable[s - x]) reachable[s] = true;
    }
  }
  return reachable[half]!;
}
