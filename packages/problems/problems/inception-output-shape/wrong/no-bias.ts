// expect: wrong_answer
// Counts only the weights of each convolution and forgets its `out` biases.
function inceptionBlock(
  input: [number, number, number],
  branches: { type: string; out?: number; k: number; stride: number; pad: number }[][],
): { shape: [number, number, number]; params: number } | null {
  let channels = 0;
  let params = 0;
  let outH = -1;
  let outW = -1;
  for (const branch of branches) {
    let [c, h, w] = input;
    for (const layer of branch) {
      h = Math.floor((h + 2 * layer.pad - layer.k) / layer.stride) + 1;
      w = Math.floor((w + 2 * layer.pad - layer.k) / layer.stride) + 1;
      if (h < 1 || w < 1) return null;
      if (layer.type === 'conv') {
        params += layer.k * layer.k * c * layer.out!;
        c = layer.out!;
      }
    }
    if (outH === -1) {
      outH = h;
      outW = w;
    } else if (h !== outH || w !== outW) return null;
    channels += c;
  }
  return { shape: [channels, outH, outW], params };
}
