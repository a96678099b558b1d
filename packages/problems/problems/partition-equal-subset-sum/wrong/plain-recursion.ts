// expect: time_limit_exceeded
// Tries "in" or "out" for every number without remembering (index, remaining) pairs: exponential when no split exists.
function canPartition(nums: number[]): boolean {
  const total = nums.reduce((a, b) => a + b, 0);
  if (total % 2 !== 0) return false;
  const reach = (i: number, remaining: number): boolean => {
    if (remaining === 0) return true;
    if (remaining < 0 || i === nums.length) return false;
    return reach(i + 1, remaining - nums[i]!) || reach(i + 1, remaining);
  };
  return reach(0, total / 2);
}
