type Layer = { type: string; out?: number; k: number; stride: number; pad: number };

/** Output length of a k-wide window sliding with `stride` over n padded cells; < 1 when the window does not fit. */
function slide(n: number, k: number, stride: number, pad: number): number {
  return Math.floor((n + 2 * pad - k) / stride) + 1;
}

/**
 * Walk each branch layer by layer, tracking [channels, height, width] and summing conv parameters
 * (k·k·cin·out weights + out biases). Then every branch must end on the same H × W, and the channels add up.
 */
export function inceptionBlock(
  input: [number, number, number],
  branches: Layer[][],
): { shape: [number, number, number]; params: number } | null {
  const [c0, h0, w0] = input;
  let channels = 0;
  let params = 0;
  let outH = -1;
  let outW = -1;
  for (const branch of branches) {
    let c = c0;
    let h = h0;
    let w = w0;
    for (const layer of branch) {
      h = slide(h, layer.k, layer.stride, layer.pad);
      w = slide(w, layer.k, layer.stride, layer.pad);
      if (h < 1 || w < 1) return null;
      if (layer.type === 'conv') {
        const out = layer.out!;
        params += layer.k * layer.k * c * out + out;
        c = out;
      }
    }
    if (outH === -1) {
      outH = h;
      outW = w;
    } else if (h !== outH || w !== outW) {
      return null;
    }
    channels += c;
  }
  return { shape: [channels, outH, outW], params };
}
