// expect: wrong_answer
// Takes a separate softmax inside each tile and averages the tile outputs: right only when there is one tile.
function tiledAttention(Q: number[][], K: number[][], V: number[][], blockSize: number): number[][] {
  const d = Q[0]!.length;
  const dv = V[0]!.length;
  return Q.map((q) => {
    const out = new Array<number>(dv).fill(0);
    let tiles = 0;
    for (let start = 0; start < K.length; start += blockSize) {
      const end = Math.min(K.length, start + blockSize);
      const s: number[] = [];
      for (let j = start; j < end; j++) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += q[c]! * K[j]![c]!;
        s.push(dot / Math.sqrt(d));
      }
      const m = Math.max(...s);
      const total = s.reduce((a, x) => a + Math.exp(x - m), 0);
      for (let j = start; j < end; j++) {
        const p = Math.exp(s[j - start]! - m) / total;
        for (let c = 0; c < dv; c++) out[c] = out[c]! + p * V[j]![c]!;
      }
      tiles++;
    }
    return out.map((x) => x / tiles);
  });
}
