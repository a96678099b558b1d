// expect: wrong_answer
// Counts all positions that pass instead of stopping at the first rejection.
function typicalAcceptLength(probs: number[][], candidate: number[], epsilon: number, delta: number): number {
  let accepted = 0;
  for (let i = 0; i < candidate.length; i++) {
    let h = 0;
    for (const x of probs[i]!) if (x > 0) h -= x * Math.log(x);
    if (probs[i]![candidate[i]!]! > Math.min(epsilon, delta * Math.exp(-h))) accepted++;
  }
  return accepted;
}
