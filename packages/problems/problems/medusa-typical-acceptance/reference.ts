/** Shannon entropy in nats, with 0 · log 0 taken as 0. */
function entropy(p: number[]): number {
  let h = 0;
  for (const x of p) if (x > 0) h -= x * Math.log(x);
  return h;
}

/**
 * Walk the candidate; at each position compare the original model's probability of the proposed token
 * with min(ε, δ·e^{−H}) and stop at the first failure. O(total vocabulary entries).
 */
export function typicalAcceptLength(probs: number[][], candidate: number[], epsilon: number, delta: number): number {
  let accepted = 0;
  for (let i = 0; i < candidate.length; i++) {
    const p = probs[i]!;
    const threshold = Math.min(epsilon, delta * Math.exp(-entropy(p)));
    if (!(p[candidate[i]!]! > threshold)) break;
    accepted++;
  }
  return accepted;
}

/**
 * Same rule, written differently: p > min(a, b) ⇔ p > a or p > b, and e^{−H} = ∏ p_j^{p_j} (0^0 = 1).
 */
export function typicalAcceptLengthByProduct(probs: number[][], candidate: number[], epsilon: number, delta: number): number {
  const accepts = (i: number): boolean => {
    const p = probs[i]![candidate[i]!]!;
    const perplexityInverse = probs[i]!.reduce((acc, x) => acc * Math.pow(x, x), 1);
    return p > epsilon || p > delta * perplexityInverse;
  };
  let n = 0;
  while (n < candidate.length && accepts(n)) n++;
  return n;
}
