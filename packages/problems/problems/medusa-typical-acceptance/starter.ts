/**
 * Length of the longest prefix of `candidate` accepted by Medusa's typical acceptance:
 * token i is accepted when probs[i][candidate[i]] > min(epsilon, delta * exp(-H(probs[i]))).
 */
function typicalAcceptLength(probs: number[][], candidate: number[], epsilon: number, delta: number): number {
  // Your code here.
  return -1;
}
