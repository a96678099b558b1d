/**
 * softmax(Q K^T / sqrt(d)) V, computed tile by tile over the rows of K and V,
 * with a running maximum, running sum and unnormalised output per query.
 */
function tiledAttention(Q: number[][], K: number[][], V: number[][], blockSize: number): number[][] {
  // Your code here.
  return [];
}
