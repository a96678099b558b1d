// expect: wrong_answer
// Right recurrence, but a fully masked first block evaluates e^(-Infinity - (-Infinity)) = NaN.
function onlineSoftmax(scores: number[], blockSize: number): number[] {
  const n = scores.length;
  let m = -Infinity;
  let l = 0;
  for (let start = 0; start < n; start += blockSize) {
    const end = Math.min(n, start + blockSize);
    let mNew = m;
    for (let i = start; i < end; i++) mNew = Math.max(mNew, scores[i]!);
    let blockSum = 0;
    for (let i = start; i < end; i++) blockSum += Math.exp(scores[i]! - mNew);
    l = l * Math.exp(m - mNew) + blockSum;
    m = mNew;
  }
  return scores.map((x) => Math.exp(x - m) / l);
}
