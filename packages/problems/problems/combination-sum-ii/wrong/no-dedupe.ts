// expect: wrong_answer
// Never skips equal values, so [1,7] is found once with each copy of 1.
function combinationSum2(candidates: number[], target: number): number[][] {
  const sorted = [...candidates].sort((a, b) => a - b);
  const result: number[][] = [];
  const path: number[] = [];
  const search = (start: number, remaining: number): void => {
    if (remaining === 0) {
      result.push([...path]);
      return;
    }
    for (let i = start; i < sorted.length && sorted[i]! <= remaining; i++) {
      path.push(sorted[i]!);
      search(i + 1, remaining - sorted[i]!);
      path.pop();
    }
  };
  search(0, target);
  return result;
}
