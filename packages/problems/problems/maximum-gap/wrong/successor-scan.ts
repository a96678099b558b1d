// expect: time_limit_exceeded
// Finds each element's next larger value by scanning the whole array: O(n^2), about 1e10 steps at n = 1e5.
function maximumGap(nums: number[]): number {
  let best = 0;
  for (let i = 0; i < nums.length; i++) {
    let successor = Infinity;
    for (let j = 0; j < nums.length; j++) {
      if (nums[j]! > nums[i]! && nums[j]! < successor) successor = nums[j]!;
    }
    if (successor !== Infinity) best = Math.max(best, successor - nums[i]!);
  }
  return best;
}
