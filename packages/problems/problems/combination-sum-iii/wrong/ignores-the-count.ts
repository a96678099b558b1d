// expect: wrong_answer
// Collects every set of distinct numbers that sums to n, whatever its size: the count k is never checked.
function combinationSum3(k: number, n: number): number[][] {
  const result: number[][] = [];
  const path: number[] = [];
  const search = (next: number, remaining: number): void => {
    if (remaining === 0) {
      result.push([...path]);
      return;
    }
    for (let x = next; x <= 9 && x <= remaining; x++) {
      path.push(x);
      search(x + 1, remaining - x);
      path.pop();
    }
  };
  search(1, n);
  return result;
}
