/**
 * One verification step of speculative sampling. Returns the accepted draft tokens followed by exactly one
 * more token (from the residual distribution at the first rejection, or a bonus token from the last target row).
 */
function speculativeDecode(draftTokens: number[], draftProbs: number[][], targetProbs: number[][], uniforms: number[]): number[] {
  // Your code here.
  return [];
}
