/**
 * Backtracking with a start index, O(number of search nodes), output-sensitive.
 * Combinations are built in the order of the sorted candidates: after choosing candidates[i], the
 * search continues from i (not i + 1, because a number may be reused; not 0, which would build the
 * same multiset in several orders). Sorting lets the loop stop at the first candidate that is too big.
 */
export function combinationSum(candidates: number[], target: number): number[][] {
  const sorted = [...candidates].sort((a, b) => a - b);
  const result: number[][] = [];
  const path: number[] = [];
  const search = (start: number, remaining: number): void => {
    if (remaining === 0) {
      result.push([...path]);
      return;
    }
    for (let i = start; i < sorted.length; i++) {
      const c = sorted[i]!;
      if (c > remaining) break; // every later candidate is at least as big
      path.push(c);
      search(i, remaining - c);
      path.pop();
    }
  };
  search(0, target);
  return result;
}

/**
 * Bottom-up alternative, like the complete knapsack: ways[t] lists the combinations summing to t that use
 * only the candidates processed so far. Taking the candidates in an outer loop fixes the order in which a
 * combination's numbers are appended, so no combination appears twice.
 */
export function combinationSumBottomUp(candidates: number[], target: number): number[][] {
  const ways: number[][][] = Array.from({ length: target + 1 }, () => []);
  ways[0]!.push([]);
  for (const c of candidates) {
    for (let t = c; t <= target; t++) {
      for (const combo of ways[t - c]!) ways[t]!.push([...combo, c]);
    }
  }
  return ways[target]!;
}
