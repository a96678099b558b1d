/**
 * 1-D DP: best[j] is the largest value that fits in volume j using the kinds seen so far.
 * For each kind, j runs UP from its volume, so best[j - v] may already contain this kind:
 * that is what lets a kind be taken again. O(N * capacity) time, O(capacity) space.
 */
export function unboundedKnapsack(capacity: number, volumes: number[], values: number[]): number {
  const best = new Array<number>(capacity + 1).fill(0);
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i]!;
    const w = values[i]!;
    for (let j = v; j <= capacity; j++) {
      best[j] = Math.max(best[j]!, best[j - v]! + w);
    }
  }
  return best[capacity]!;
}

/**
 * 2-D DP: f[i][j] = max(f[i-1][j], f[i][j - v_i] + w_i). The second term reads the SAME row i:
 * after taking one item of kind i we may take another. O(N * capacity) time and space.
 */
export function unboundedKnapsackTable(capacity: number, volumes: number[], values: number[]): number {
  const n = volumes.length;
  const f: number[][] = [new Array<number>(capacity + 1).fill(0)];
  for (let i = 1; i <= n; i++) {
    const v = volumes[i - 1]!;
    const w = values[i - 1]!;
    const prev = f[i - 1]!;
    const row = new Array<number>(capacity + 1);
    for (let j = 0; j <= capacity; j++) {
      row[j] = j >= v ? Math.max(prev[j]!, row[j - v]! + w) : prev[j]!;
    }
    f.push(row);
  }
  return f[n]![capacity]!;
}

/** Alternative: the best value for each volume j over the last item added, any kind. Same O(N * capacity). */
export function unboundedKnapsackByVolume(capacity: number, volumes: number[], values: number[]): number {
  const best = new Array<number>(capacity + 1).fill(0);
  for (let j = 1; j <= capacity; j++) {
    best[j] = best[j - 1]!; // leaving one unit empty is always allowed
    for (let i = 0; i < volumes.length; i++) {
      if (volumes[i]! <= j) best[j] = Math.max(best[j]!, best[j - volumes[i]!]! + values[i]!);
    }
  }
  return best[capacity]!;
}
