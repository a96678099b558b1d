// expect: wrong_answer
// Treats a pointwise layer as k x k, so any test with k > 1 for "pointwise" is overcounted.
function convCost(kind: string, cin: number, cout: number, k: number, h: number, w: number): { params: number; macs: number } {
  let params: number;
  if (kind === 'depthwise-separable') params = k * k * cin + cin * cout;
  else params = k * k * cin * cout;
  return { params, macs: params * h * w };
}
