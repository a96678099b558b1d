export function subsets(nums: number[]): number[][] {
  const out: number[][] = [[]];
  for (const x of nums) for (const s of out.slice()) out.push([...s, x]);
  return out;
}
