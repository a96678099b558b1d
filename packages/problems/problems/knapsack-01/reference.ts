/**
 * 1-D DP: best[j] is the largest value that fits in volume j using the items seen so far.
 * For each item, j runs from capacity DOWN to its volume, so best[j - v] still holds the value
 * from before this item: the item is used at most once. O(N * capacity) time, O(capacity) space.
 */
export function knapsack01(capacity: number, volumes: number[], values: number[]): number {
  const best = new Array<number>(capacity + 1).fill(0);
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i]!;
    const w = values[i]!;
    for (let j = capacity; j >= v; j--) {
      best[j] = Math.max(best[j]!, best[j - v]! + w);
    }
  }
  return best[capacity]!;
}

/**
 * 2-D DP: f[i][j] is the best value using only the first i items within volume j.
 * f[i][j] = max(f[i-1][j], f[i-1][j - v_i] + w_i), with f[0][j] = 0. O(N * capacity) time and space.
 */
export function knapsack01Table(capacity: number, volumes: number[], values: number[]): number {
  const n = volumes.length;
  const f: number[][] = [new Array<number>(capacity + 1).fill(0)];
  for (let i = 1; i <= n; i++) {
    const v = volumes[i - 1]!;
    const w = values[i - 1]!;
    const prev = f[i - 1]!;
    const row = new Array<number>(capacity + 1);
    for (let j = 0; j <= capacity; j++) {
      row[j] = j >= v ? Math.max(prev[j]!, prev[j - v]! + w) : prev[j]!;
    }
    f.push(row);
  }
  return f[n]![capacity]!;
}

/**
 * The "exact volume" form: g[j] is the best value of a set whose volume is exactly j, -Infinity if no set has
 * that volume. Only g[0] = 0 at the start; the answer is the maximum over all j <= capacity.
 */
export function knapsack01ExactVolume(capacity: number, volumes: number[], values: number[]): number {
  const g = new Array<number>(capacity + 1).fill(-Infinity);
  g[0] = 0;
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i]!;
    for (let j = capacity; j >= v; j--) g[j] = Math.max(g[j]!, g[j - v]! + values[i]!);
  }
  return Math.max(...g);
}
