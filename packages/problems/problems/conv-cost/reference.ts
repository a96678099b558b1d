/**
 * Weights per layer, then MACs = weights × output positions: with stride 1 and "same" padding every
 * weight is used exactly once per output position (h × w of them), for all three kinds.
 */
export function convCost(kind: string, cin: number, cout: number, k: number, h: number, w: number): { params: number; macs: number } {
  let params: number;
  if (kind === 'standard') params = k * k * cin * cout;
  else if (kind === 'pointwise') params = cin * cout;
  else if (kind === 'depthwise-separable') params = k * k * cin + cin * cout;
  else throw new Error(`unknown kind ${kind}`);
  return { params, macs: params * h * w };
}

/** Counts MACs per output value instead, the way a layer-by-layer profiler would. */
export function convCostPerOutput(
  kind: string,
  cin: number,
  cout: number,
  k: number,
  h: number,
  w: number,
): { params: number; macs: number } {
  const positions = h * w;
  const standard = { params: k * k * cin * cout, macs: positions * cout * (k * k * cin) };
  const pointwise = { params: cin * cout, macs: positions * cout * cin };
  const depthwise = { params: k * k * cin, macs: positions * cin * (k * k) };
  if (kind === 'standard') return standard;
  if (kind === 'pointwise') return pointwise;
  if (kind === 'depthwise-separable') {
    return { params: depthwise.params + pointwise.params, macs: depthwise.macs + pointwise.macs };
  }
  throw new Error(`unknown kind ${kind}`);
}
