export function mean(xs: number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return xs.length === 0 ? NaN : sum / xs.length;
}
