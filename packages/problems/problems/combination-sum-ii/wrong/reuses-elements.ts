// expect: wrong_answer
// Recurses with i instead of i + 1, so one element can be used many times (the rule of Combination Sum I).
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
      if (i > start && sorted[i] === sorted[i - 1]) continue;
      path.push(sorted[i]!);
      search(i, remaining - sorted[i]!);
      path.pop();
    }
  };
  search(0, target);
  return result;
}
