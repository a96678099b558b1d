// expect: wrong_answer
// Applies the sign with 0 - value, which turns the pattern 0x8000 into +0 instead of -0.
function fromFloat16Bits(bits: number): number {
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  let value: number;
  if (exponent === 31) value = fraction === 0 ? Infinity : NaN;
  else if (exponent === 0) value = fraction * 2 ** -24;
  else value = (1 + fraction / 1024) * 2 ** (exponent - 15);
  return bits & 0x8000 ? 0 - value : value;
}
