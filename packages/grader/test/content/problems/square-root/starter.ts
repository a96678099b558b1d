function root(n: number): number {
  return 0;
}
