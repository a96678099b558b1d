// expect: wrong_answer
// Uses 2^(0 - 15) for subnormals instead of 2^(1 - 15): every subnormal comes out half its value.
function fromFloat16Bits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  if (exponent === 0) return sign * (fraction / 1024) * 2 ** (exponent - 15);
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
