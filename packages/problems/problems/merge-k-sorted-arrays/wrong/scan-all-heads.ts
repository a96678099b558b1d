// expect: time_limit_exceeded
// Finds the smallest head by scanning all k arrays for every output element: O(N * k), 1e9 steps at the maximum size.
function mergeKSorted(lists: number[][]): number[] {
  const next = new Array<number>(lists.length).fill(0);
  const out: number[] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (next[i]! < lists[i]!.length && (best < 0 || lists[i]![next[i]!]! < lists[best]![next[best]!]!)) best = i;
    }
    if (best < 0) return out;
    out.push(lists[best]![next[best]!++]!);
  }
}
