// expect: time_limit_exceeded
// Keeps the output normalised after every block by rewriting all earlier outputs: O(n^2 / blockSize).
function onlineSoftmax(scores: number[], blockSize: number): number[] {
  const n = scores.length;
  const out = new Array<number>(n).fill(0);
  let m = -Infinity;
  let l = 0;
  for (let start = 0; start < n; start += blockSize) {
    const end = Math.min(n, start + blockSize);
    let mNew = m;
    for (let i = start; i < end; i++) mNew = Math.max(mNew, scores[i]!);
    if (mNew === -Infinity) continue;
    let blockSum = 0;
    for (let i = start; i < end; i++) blockSum += Math.exp(scores[i]! - mNew);
    l = l * Math.exp(m - mNew) + blockSum;
    m = mNew;
    for (let i = 0; i < end; i++) out[i] = Math.exp(scores[i]! - m) / l;
  }
  return out;
}
