// expect: wrong_answer
// Correct tiling and rescaling, but divides the scores by d instead of sqrt(d).
function tiledAttention(Q: number[][], K: number[][], V: number[][], blockSize: number): number[][] {
  const d = Q[0]!.length;
  const dv = V[0]!.length;
  return Q.map((q) => {
    let m = -Infinity;
    let l = 0;
    const acc = new Array<number>(dv).fill(0);
    for (let start = 0; start < K.length; start += blockSize) {
      const end = Math.min(K.length, start + blockSize);
      const s: number[] = [];
      for (let j = start; j < end; j++) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += q[c]! * K[j]![c]!;
        s.push(dot / d);
      }
      const mNew = Math.max(m, ...s);
      const rescale = Math.exp(m - mNew);
      l *= rescale;
      for (let c = 0; c < dv; c++) acc[c] = acc[c]! * rescale;
      for (let j = start; j < end; j++) {
        const p = Math.exp(s[j - start]! - mNew);
        l += p;
        for (let c = 0; c < dv; c++) acc[c] = acc[c]! + p * V[j]![c]!;
      }
      m = mNew;
    }
    return acc.map((x) => x / l);
  });
}
