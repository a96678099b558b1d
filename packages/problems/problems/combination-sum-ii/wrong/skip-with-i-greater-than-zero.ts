// expect: wrong_answer
// Skips a value equal to its predecessor at every depth (i > 0), so [1,1,6] can never take the second 1.
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
      if (i > 0 && sorted[i] === sorted[i - 1]) continue;
      path.push(sorted[i]!);
      search(i + 1, remaining - sorted[i]!);
      path.pop();
    }
  };
  search(0, target);
  return result;
}
