// expect: wrong_answer
// Sums p * log(p) over every entry, so a zero entry makes the entropy NaN and rejects the token.
function typicalAcceptLength(probs: number[][], candidate: number[], epsilon: number, delta: number): number {
  let accepted = 0;
  for (let i = 0; i < candidate.length; i++) {
    const h = -probs[i]!.reduce((sum, x) => sum + x * Math.log(x), 0);
    if (!(probs[i]![candidate[i]!]! > Math.min(epsilon, delta * Math.exp(-h)))) break;
    accepted++;
  }
  return accepted;
}
