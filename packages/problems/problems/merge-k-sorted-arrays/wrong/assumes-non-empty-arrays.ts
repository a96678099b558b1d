// expect: wrong_answer
// A correct heap merge, except that it seeds the heap with lists[i][0] for every array, so an empty array contributes undefined.
function mergeKSorted(lists: number[][]): number[] {
  const heap: [number, number, number][] = [];
  const less = (a: number, b: number) => heap[a]![0] < heap[b]![0];
  const swap = (a: number, b: number) => ([heap[a], heap[b]] = [heap[b]!, heap[a]!]);
  const up = (c: number) => {
    while (c > 0 && less(c, (c - 1) >> 1)) {
      swap(c, (c - 1) >> 1);
      c = (c - 1) >> 1;
    }
  };
  const down = (c: number) => {
    for (;;) {
      let m = c;
      for (const child of [2 * c + 1, 2 * c + 2]) if (child < heap.length && less(child, m)) m = child;
      if (m === c) return;
      swap(m, c);
      c = m;
    }
  };
  lists.forEach((a, i) => {
    heap.push([a[0]!, i, 0]);
    up(heap.length - 1);
  });
  const out: number[] = [];
  while (heap.length > 0) {
    const [value, i, pos] = heap[0]!;
    out.push(value);
    if (pos + 1 < lists[i]!.length) heap[0] = [lists[i]![pos + 1]!, i, pos + 1];
    else {
      heap[0] = heap[heap.length - 1]!;
      heap.pop();
    }
    down(0);
  }
  return out;
}
