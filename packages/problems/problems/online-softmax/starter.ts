/**
 * Softmax of scores in one streaming pass over blocks of blockSize,
 * keeping a running maximum and a running sum, then one normalisation pass.
 */
function onlineSoftmax(scores: number[], blockSize: number): number[] {
  // Your code here.
  return [];
}
