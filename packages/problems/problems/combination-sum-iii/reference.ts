/**
 * Backtracking over 1..9 in increasing order: the next number is always larger than the last one,
 * so each set is built exactly once and no number repeats. A branch stops when the path has k numbers
 * or the next number exceeds what is left of the sum.
 */
export function combinationSum3(k: number, n: number): number[][] {
  const result: number[][] = [];
  const path: number[] = [];
  const search = (next: number, remaining: number): void => {
    if (path.length === k) {
      if (remaining === 0) result.push([...path]);
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

/** Alternative: test all 2^9 subsets of 1..9 as bitmasks. */
export function combinationSum3ByMasks(k: number, n: number): number[][] {
  const result: number[][] = [];
  for (let mask = 0; mask < 1 << 9; mask++) {
    const set: number[] = [];
    for (let bit = 0; bit < 9; bit++) if (mask & (1 << bit)) set.push(bit + 1);
    if (set.length === k && set.reduce((a, b) => a + b, 0) === n) result.push(set);
  }
  return result;
}
