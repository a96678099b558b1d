// expect: wrong_answer
// Off by one: the loop runs while x < 9, so 9 is never tried.
function combinationSum3(k: number, n: number): number[][] {
  const result: number[][] = [];
  const path: number[] = [];
  const search = (next: number, remaining: number): void => {
    if (path.length === k) {
      if (remaining === 0) result.push([...path]);
      return;
    }
    for (let x = next; x < 9 && x <= remaining; x++) {
      path.push(x);
      search(x + 1, remaining - x);
      path.pop();
    }
  };
  search(1, n);
  return result;
}
