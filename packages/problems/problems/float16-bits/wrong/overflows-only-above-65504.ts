// expect: wrong_answer
// Sends everything above 65504 to Infinity: 65504 < |x| < 65520 must round down to 65504.
function toFloat16Bits(x: number): number {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a > 65504) return sign | 0x7c00;
  const round = (q: number): number => {
    const f = Math.floor(q);
    const r = q - f;
    return r > 0.5 || (r === 0.5 && f % 2 === 1) ? f + 1 : f;
  };
  if (a < 2 ** -14) return sign | round(a * 2 ** 24);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  return sign | (((e + 15) << 10) + round((a / 2 ** e - 1) * 1024));
}
