// expect: wrong_answer
// Rounds (n + 2p - k) / s toward zero with `| 0`, so a window that overhangs by less than a stride looks valid.
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
      h = (((h + 2 * layer.pad - layer.k) / layer.stride) | 0) + 1;
      w = (((w + 2 * layer.pad - layer.k) / layer.stride) | 0) + 1;
      if (h < 1 || w < 1) return null;
      if (layer.type === 'conv') {
        params += layer.k * layer.k * c * layer.out! + layer.out!;
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
