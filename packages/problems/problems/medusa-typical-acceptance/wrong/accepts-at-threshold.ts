// expect: wrong_answer
// Uses >= so a probability exactly at the threshold is accepted.
function typicalAcceptLength(probs: number[][], candidate: number[], epsilon: number, delta: number): number {
  let accepted = 0;
  for (let i = 0; i < candidate.length; i++) {
    let h = 0;
    for (const x of probs[i]!) if (x > 0) h -= x * Math.log(x);
    if (!(probs[i]![candidate[i]!]! >= Math.min(epsilon, delta * Math.exp(-h)))) break;
    accepted++;
  }
  return accepted;
}
