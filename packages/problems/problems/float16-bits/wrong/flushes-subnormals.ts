// expect: wrong_answer
// Treats everything below the smallest normal 2^-14 as zero instead of rounding to a subnormal.
function toFloat16Bits(x: number): number {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a >= 65520) return sign | 0x7c00;
  if (a < 2 ** -14) return sign;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  const q = (a / 2 ** e - 1) * 1024;
  const f = Math.floor(q);
  const r = q - f;
  return sign | (((e + 15) << 10) + (r > 0.5 || (r === 0.5 && f % 2 === 1) ? f + 1 : f));
}
