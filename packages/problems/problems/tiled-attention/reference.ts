/**
 * FlashAttention forward for one block of queries. Per query i it keeps the running maximum m[i],
 * the running sum l[i] of e^(s - m[i]) and the unnormalised output acc[i] = sum of e^(s - m[i]) v_j.
 * When a tile raises the maximum, l and acc are both rescaled by e^(m_old - m_new); the division by l
 * happens once, at the end. O(n_q * n_k * (d + d_v)) time; the n_q x n_k score matrix is never stored:
 * only one tile of scores at a time.
 */
export function tiledAttention(Q: number[][], K: number[][], V: number[][], blockSize: number): number[][] {
  const nq = Q.length;
  const nk = K.length;
  const d = Q[0]!.length;
  const dv = V[0]!.length;
  const scale = 1 / Math.sqrt(d);
  const m = new Array<number>(nq).fill(-Infinity);
  const l = new Array<number>(nq).fill(0);
  const acc = Array.from({ length: nq }, () => new Array<number>(dv).fill(0));
  const tileScores = new Array<number>(blockSize);

  for (let start = 0; start < nk; start += blockSize) {
    const end = Math.min(nk, start + blockSize);
    for (let i = 0; i < nq; i++) {
      const q = Q[i]!;
      let tileMax = -Infinity;
      for (let j = start; j < end; j++) {
        const k = K[j]!;
        let dot = 0;
        for (let c = 0; c < d; c++) dot += q[c]! * k[c]!;
        const s = dot * scale;
        tileScores[j - start] = s;
        if (s > tileMax) tileMax = s;
      }
      const mNew = Math.max(m[i]!, tileMax);
      const rescale = Math.exp(m[i]! - mNew); // 0 on the first tile, where m[i] = -Infinity
      const o = acc[i]!;
      for (let c = 0; c < dv; c++) o[c]! *= rescale;
      let tileSum = 0;
      for (let j = start; j < end; j++) {
        const p = Math.exp(tileScores[j - start]! - mNew);
        tileSum += p;
        const v = V[j]!;
        for (let c = 0; c < dv; c++) o[c]! += p * v[c]!;
      }
      l[i] = l[i]! * rescale + tileSum;
      m[i] = mNew;
    }
  }
  return acc.map((o, i) => o.map((x) => x / l[i]!));
}

/** Standard attention: materialise the score matrix, stable softmax per row, then multiply by V. */
export function naiveAttention(Q: number[][], K: number[][], V: number[][], _blockSize: number): number[][] {
  const d = Q[0]!.length;
  const dv = V[0]!.length;
  const S = Q.map((q) => K.map((k) => q.reduce((sum, x, c) => sum + x * k[c]!, 0) / Math.sqrt(d)));
  return S.map((row) => {
    const max = row.reduce((a, b) => Math.max(a, b), -Infinity);
    const e = row.map((s) => Math.exp(s - max));
    const total = e.reduce((a, b) => a + b, 0);
    const out = new Array<number>(dv).fill(0);
    e.forEach((w, j) => {
      for (let c = 0; c < dv; c++) out[c]! += (w / total) * V[j]![c]!;
    });
    return out;
  });
}
