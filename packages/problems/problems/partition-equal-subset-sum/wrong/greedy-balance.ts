// expect: wrong_answer
// Puts each number, largest first, on the lighter side: [3,3,2,2,2] ends 7 against 5 although 6 + 6 exists.
function canPartition(nums: number[]): boolean {
  let left = 0;
  let right = 0;
  for (const x of [...nums].sort((a, b) => b - a)) {
    if (left <= right) left += x;
    else right += x;
  }
  return left === right;
}
