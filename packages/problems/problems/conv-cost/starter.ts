/**
 * Weights and multiply-accumulates of one convolution layer (stride 1, "same" padding, no bias).
 * kind: "standard" | "pointwise" | "depthwise-separable".
 */
function convCost(kind: string, cin: number, cout: number, k: number, h: number, w: number): { params: number; macs: number } {
  // Your code here.
  return { params: 0, macs: 0 };
}
