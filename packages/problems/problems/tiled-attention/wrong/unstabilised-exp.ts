// expect: wrong_answer
// Accumulates e^s without subtracting a running maximum: e^900 is Infinity and the output becomes NaN.
function tiledAttention(Q: number[][], K: number[][], V: number[][], blockSize: number): number[][] {
  const d = Q[0]!.length;
  const dv = V[0]!.length;
  return Q.map((q) => {
    let l = 0;
    const acc = new Array<number>(dv).fill(0);
    for (let start = 0; start < K.length; start += blockSize) {
      for (let j = start; j < Math.min(K.length, start + blockSize); j++) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += q[c]! * K[j]![c]!;
        const p = Math.exp(dot / Math.sqrt(d));
        l += p;
        for (let c = 0; c < dv; c++) acc[c] = acc[c]! + p * V[j]![c]!;
      }
    }
    return acc.map((x) => x / l);
  });
}
