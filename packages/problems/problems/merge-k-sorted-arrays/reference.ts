/**
 * A binary min-heap of the current head of each non-empty array, keyed by value. Pop the smallest head,
 * output it, and push the next element of the same array. The heap never holds more than k entries:
 * O(N log k) time, O(k) extra space besides the output.
 */
export function mergeKSorted(lists: number[][]): number[] {
  // Heap entries in parallel arrays: the head value, its array and its position in that array.
  const value: number[] = [];
  const list: number[] = [];
  const pos: number[] = [];
  const swap = (a: number, b: number): void => {
    [value[a], value[b]] = [value[b]!, value[a]!];
    [list[a], list[b]] = [list[b]!, list[a]!];
    [pos[a], pos[b]] = [pos[b]!, pos[a]!];
  };
  const siftUp = (c: number): void => {
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (value[parent]! <= value[c]!) return;
      swap(parent, c);
      c = parent;
    }
  };
  const siftDown = (c: number): void => {
    for (;;) {
      const left = 2 * c + 1;
      let min = c;
      if (left < value.length && value[left]! < value[min]!) min = left;
      if (left + 1 < value.length && value[left + 1]! < value[min]!) min = left + 1;
      if (min === c) return;
      swap(min, c);
      c = min;
    }
  };

  lists.forEach((array, i) => {
    if (array.length === 0) return;
    value.push(array[0]!);
    list.push(i);
    pos.push(0);
    siftUp(value.length - 1);
  });
  const out: number[] = [];
  while (value.length > 0) {
    out.push(value[0]!);
    const array = lists[list[0]!]!;
    const next = pos[0]! + 1;
    if (next < array.length) {
      value[0] = array[next]!;
      pos[0] = next;
    } else {
      swap(0, value.length - 1);
      value.pop();
      list.pop();
      pos.pop();
    }
    siftDown(0);
  }
  return out;
}

/** Divide and conquer: merge the two halves of the list of arrays recursively, then merge the results. O(N log k). */
export function mergeKSortedPairwise(lists: number[][]): number[] {
  const mergeTwo = (a: number[], b: number[]): number[] => {
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) out.push(a[i]! <= b[j]! ? a[i++]! : b[j++]!);
    while (i < a.length) out.push(a[i++]!);
    while (j < b.length) out.push(b[j++]!);
    return out;
  };
  const solve = (lo: number, hi: number): number[] => {
    if (hi - lo === 0) return [];
    if (hi - lo === 1) return [...lists[lo]!];
    const mid = (lo + hi) >> 1;
    return mergeTwo(solve(lo, mid), solve(mid, hi));
  };
  return solve(0, lists.length);
}
