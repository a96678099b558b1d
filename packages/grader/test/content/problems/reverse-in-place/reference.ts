export function reverse(xs: number[]): void {
  for (let i = 0, j = xs.length - 1; i < j; i++, j--) [xs[i], xs[j]] = [xs[j]!, xs[i]!];
}
