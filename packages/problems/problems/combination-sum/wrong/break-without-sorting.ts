// expect: wrong_answer
// Stops the loop at the first candidate above the remaining sum but never sorts, so smaller later ones are skipped.
function combinationSum(candidates: number[], target: number): number[][] {
  const result: number[][] = [];
  const path: number[] = [];
  const search = (start: number, remaining: number): void => {
    if (remaining === 0) {
      result.push([...path]);
      return;
    }
    for (let i = start; i < candidates.length; i++) {
      if (candidates[i]! > remaining) break;
      path.push(candidates[i]!);
      search(i, remaining - candidates[i]!);
      path.pop();
    }
  };
  search(0, target);
  return result;
}
