/**
 * Inverse-CDF sample: the smallest index whose cumulative weight exceeds u × (total weight).
 * Weights need not be normalized. If rounding leaves no index past the target, the last index with positive weight.
 */
function sampleIndex(weights: number[], u: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  const target = u * total;
  let cumulative = 0;
  let lastPositive = -1;
  for (let t = 0; t < weights.length; t++) {
    cumulative += weights[t]!;
    if (weights[t]! > 0) lastPositive = t;
    if (cumulative > target) return t;
  }
  return lastPositive;
}

/**
 * Speculative sampling's verification step: keep draft token i while u_i < p_i(x)/q_i(x); at the first rejection
 * emit a token from the residual max(0, p_i − q_i) and stop; if every draft token survives, emit a bonus token
 * from p_γ. O(γ·V).
 */
export function speculativeDecode(draftTokens: number[], draftProbs: number[][], targetProbs: number[][], uniforms: number[]): number[] {
  const gamma = draftTokens.length;
  const out: number[] = [];
  for (let i = 0; i < gamma; i++) {
    const x = draftTokens[i]!;
    const q = draftProbs[i]!;
    const p = targetProbs[i]!;
    if (uniforms[i]! < p[x]! / q[x]!) {
      out.push(x);
      continue;
    }
    const residual = p.map((pt, t) => Math.max(0, pt - q[t]!));
    out.push(sampleIndex(residual, uniforms[gamma]!));
    return out;
  }
  out.push(sampleIndex(targetProbs[gamma]!, uniforms[gamma]!));
  return out;
}

/**
 * The same algorithm written another way: the test u·q < p (no division), and sampling from the normalized
 * residual by subtracting probabilities from u until it drops below zero.
 */
export function speculativeDecodeNormalized(
  draftTokens: number[],
  draftProbs: number[][],
  targetProbs: number[][],
  uniforms: number[],
): number[] {
  const gamma = draftTokens.length;
  const pick = (weights: number[], u: number): number => {
    const total = weights.reduce((a, b) => a + b, 0);
    let rest = u;
    let last = -1;
    for (let t = 0; t < weights.length; t++) {
      if (weights[t]! <= 0) continue;
      last = t;
      rest -= weights[t]! / total;
      if (rest < 0) return t;
    }
    return last;
  };
  const accepted: number[] = [];
  for (let i = 0; i < gamma; i++) {
    const x = draftTokens[i]!;
    if (uniforms[i]! * draftProbs[i]![x]! < targetProbs[i]![x]!) accepted.push(x);
    else
      return [
        ...accepted,
        pick(
          targetProbs[i]!.map((p, t) => (p > draftProbs[i]![t]! ? p - draftProbs[i]![t]! : 0)),
          uniforms[gamma]!,
        ),
      ];
  }
  return [...accepted, pick(targetProbs[gamma]!, uniforms[gamma]!)];
}
