// expect: wrong_answer
// Counts MACs on a "valid" output of (h - k + 1) x (w - k + 1) instead of the "same" h x w output.
function convCost(kind: string, cin: number, cout: number, k: number, h: number, w: number): { params: number; macs: number } {
  const outH = Math.max(0, h - k + 1);
  const outW = Math.max(0, w - k + 1);
  if (kind === 'standard') return { params: k * k * cin * cout, macs: k * k * cin * cout * outH * outW };
  if (kind === 'pointwise') return { params: cin * cout, macs: cin * cout * h * w };
  return { params: k * k * cin + cin * cout, macs: k * k * cin * outH * outW + cin * cout * h * w };
}
