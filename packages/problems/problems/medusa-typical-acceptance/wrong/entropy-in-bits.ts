// expect: wrong_answer
// Measures entropy in bits (log2), which lowers the entropy-dependent threshold.
function typicalAcceptLength(probs: number[][], candidate: number[], epsilon: number, delta: number): number {
  let accepted = 0;
  for (let i = 0; i < candidate.length; i++) {
    let h = 0;
    for (const x of probs[i]!) if (x > 0) h -= x * Math.log2(x);
    if (!(probs[i]![candidate[i]!]! > Math.min(epsilon, delta * Math.exp(-h)))) break;
    accepted++;
  }
  return accepted;
}
