// expect: wrong_answer
// Recurses from x instead of x + 1, so a number can be used twice ([1,1,5] for k = 3, n = 7).
function combinationSum3(k: number, n: number): number[][] {
  const result: number[][] = [];
  const path: number[] = [];
  const search = (next: number, remaining: number): void => {
    if (path.length === k) {
      if (remaining === 0) result.push([...path]);
      return;
    }
    for (let x = next; x <= 9 && x <= remaining; x++) {
      path.push(x);
      search(x, remaining - x);
      path.pop();
    }
  };
  search(1, n);
  return result;
}
