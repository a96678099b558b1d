/**
 * The online-softmax recurrence: after each block, (m, l) = (max of the prefix, sum of e^(x - m) over the prefix).
 * A block that leaves the maximum at -Infinity (everything masked so far) is skipped: it adds nothing to l,
 * and computing e^(-Infinity - (-Infinity)) would give NaN. O(n) time, O(1) state besides the output.
 */
export function onlineSoftmax(scores: number[], blockSize: number): number[] {
  const n = scores.length;
  let m = -Infinity;
  let l = 0;
  for (let start = 0; start < n; start += blockSize) {
    const end = Math.min(n, start + blockSize);
    let blockMax = -Infinity;
    for (let i = start; i < end; i++) if (scores[i]! > blockMax) blockMax = scores[i]!;
    const mNew = Math.max(m, blockMax);
    if (mNew === -Infinity) continue;
    let blockSum = 0;
    for (let i = start; i < end; i++) blockSum += Math.exp(scores[i]! - mNew);
    l = l * Math.exp(m - mNew) + blockSum;
    m = mNew;
  }
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = Math.exp(scores[i]! - m) / l;
  return out;
}

/** The textbook stable softmax in three passes (max, sum, divide): the result the recurrence must reproduce. */
export function threePassSoftmax(scores: number[], _blockSize: number): number[] {
  let m = -Infinity;
  for (const x of scores) if (x > m) m = x;
  let sum = 0;
  for (const x of scores) sum += Math.exp(x - m);
  return scores.map((x) => Math.exp(x - m) / sum);
}
