/**
 * Reads the three fields and applies the binary16 formula. Every step is exact in double precision
 * (an integer times a power of two), and multiplying by -1 keeps the sign of zero: -1 * 0 is -0.
 */
export function fromFloat16Bits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/**
 * Independent method: widen the pattern to an FP32 pattern (normalising subnormals by shifting the fraction
 * until its leading 1 reaches the implicit position) and let DataView decode it.
 */
export function fromFloat16BitsViaFloat32(bits: number): number {
  const sign = (bits & 0x8000) << 16;
  let exponent = (bits >> 10) & 0x1f;
  let fraction = bits & 0x3ff;
  let wide: number;
  if (exponent === 31) wide = sign | 0x7f800000 | (fraction << 13);
  else if (exponent === 0 && fraction === 0) wide = sign;
  else if (exponent === 0) {
    exponent = 1 - 15 + 127;
    while ((fraction & 0x400) === 0) {
      fraction <<= 1;
      exponent--;
    }
    wide = sign | (exponent << 23) | ((fraction & 0x3ff) << 13);
  } else wide = sign | ((exponent - 15 + 127) << 23) | (fraction << 13);
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, wide >>> 0);
  return view.getFloat32(0);
}
