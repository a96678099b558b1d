function subsets(nums: number[]): number[][] {
  return [];
}
