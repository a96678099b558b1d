/**
 * Merge the candidate paths into a prefix tree, number its nodes breadth-first (siblings by first appearance),
 * and build the mask: mask[i][j] = 1 when node j is node i or one of its ancestors.
 */
function treeAttentionMask(paths: number[][]): { tokens: number[]; mask: number[][] } {
  // Your code here.
  return { tokens: [], mask: [] };
}
