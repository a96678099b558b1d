// expect: wrong_answer
// Loops from 0 at every level, so each combination comes back once per ordering ([2,2,3], [2,3,2], [3,2,2]).
function combinationSum(candidates: number[], target: number): number[][] {
  const result: number[][] = [];
  const path: number[] = [];
  const search = (remaining: number): void => {
    if (remaining === 0) {
      result.push([...path]);
      return;
    }
    for (const c of candidates) {
      if (c > remaining) continue;
      path.push(c);
      search(remaining - c);
      path.pop();
    }
  };
  search(target);
  return result;
}
