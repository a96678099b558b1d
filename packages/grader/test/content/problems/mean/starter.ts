function mean(xs: number[]): number {
  return 0;
}
