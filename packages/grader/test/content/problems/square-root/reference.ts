export function root(n: number): number {
  return Math.sqrt(n);
}
