// expect: wrong_answer
// Adds each block's terms relative to the new maximum but never rescales the old sum by e^(m_old - m_new).
function onlineSoftmax(scores: number[], blockSize: number): number[] {
  const n = scores.length;
  let m = -Infinity;
  let l = 0;
  for (let start = 0; start < n; start += blockSize) {
    const end = Math.min(n, start + blockSize);
    let mNew = m;
    for (let i = start; i < end; i++) mNew = Math.max(mNew, scores[i]!);
    if (mNew === -Infinity) continue;
    for (let i = start; i < end; i++) l += Math.exp(scores[i]! - mNew);
    m = mNew;
  }
  return scores.map((x) => Math.exp(x - m) / l);
}
