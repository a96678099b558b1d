// expect: wrong_answer
// Gives the depthwise part one k x k filter per (input, output) channel pair, like a standard layer.
function convCost(kind: string, cin: number, cout: number, k: number, h: number, w: number): { params: number; macs: number } {
  let params: number;
  if (kind === 'standard') params = k * k * cin * cout;
  else if (kind === 'pointwise') params = cin * cout;
  else params = k * k * cin * cout + cin * cout;
  return { params, macs: params * h * w };
}
