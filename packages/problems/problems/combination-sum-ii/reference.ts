/**
 * Sort, then backtrack with a start index; at each depth, try each distinct value only once
 * (skip i when i > start and sorted[i] equals sorted[i - 1]). Equal values are interchangeable,
 * so a second branch starting with the same value at the same depth would only repeat the first.
 * Deeper levels may still take the next copy, because there i === start.
 */
export function combinationSum2(candidates: number[], target: number): number[][] {
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
      if (c > remaining) break;
      if (i > start && c === sorted[i - 1]) continue;
      path.push(c);
      search(i + 1, remaining - c);
      path.pop();
    }
  };
  search(0, target);
  return result;
}

/** Alternative: group equal values, then for each distinct value choose how many copies to take (0..count). */
export function combinationSum2ByCounts(candidates: number[], target: number): number[][] {
  const counts = new Map<number, number>();
  for (const c of candidates) counts.set(c, (counts.get(c) ?? 0) + 1);
  const values = [...counts.keys()];
  const result: number[][] = [];
  const path: number[] = [];
  const choose = (k: number, remaining: number): void => {
    if (remaining === 0) {
      result.push([...path]);
      return;
    }
    if (k === values.length) return;
    const v = values[k]!;
    const most = Math.min(counts.get(v)!, Math.floor(remaining / v));
    for (let take = most; take >= 0; take--) {
      for (let t = 0; t < take; t++) path.push(v);
      choose(k + 1, remaining - take * v);
      path.length -= take;
    }
  };
  choose(0, target);
  return result;
}
