/**
 * Output shape [C, H, W] and parameter count of an Inception-style block, or null if it is invalid.
 * Each branch is a list of layers: { type: "conv", out, k, stride, pad } or { type: "maxpool", k, stride, pad }.
 */
function inceptionBlock(
  input: [number, number, number],
  branches: { type: string; out?: number; k: number; stride: number; pad: number }[][],
): { shape: [number, number, number]; params: number } | null {
  // Your code here.
  return null;
}
