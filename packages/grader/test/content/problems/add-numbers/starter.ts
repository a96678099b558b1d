function add(a: number, b: number): number {
  return 0;
}
