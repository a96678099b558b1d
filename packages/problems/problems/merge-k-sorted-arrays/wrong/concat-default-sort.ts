// expect: wrong_answer
// Concatenates and calls sort() without a comparator, which orders numbers as strings.
function mergeKSorted(lists: number[][]): number[] {
  return ([] as number[]).concat(...lists).sort();
}
