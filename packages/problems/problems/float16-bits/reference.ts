/** Rounds q >= 0 to the nearest integer, ties to the even one. Exact for q < 2^52. */
function roundHalfToEven(q: number): number {
  const f = Math.floor(q);
  const r = q - f;
  return r > 0.5 || (r === 0.5 && f % 2 === 1) ? f + 1 : f;
}

/**
 * Rounds the double x once, directly, to binary16. Every intermediate step is exact in double precision
 * (scaling by powers of two, and subtracting 1 from a number in [1, 2)), so the only rounding is the final
 * round-half-to-even of the fraction. A fraction that rounds up to 1024 carries into the exponent, which
 * is exactly right: the next binade starts at fraction 0 (and subnormal 1024 becomes the smallest normal).
 */
export function toFloat16Bits(x: number): number {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  // 65520 is halfway between the largest half (65504, odd fraction) and 2^16: ties to even go up and overflow.
  if (a >= 65520) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | roundHalfToEven(a * 2 ** 24);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  const fraction = roundHalfToEven((a / 2 ** e - 1) * 1024);
  return sign | (((e + 15) << 10) + fraction);
}

/** The value of a finite, non-negative binary16 pattern. */
function halfValue(bits: number): number {
  const exponent = bits >> 10;
  const fraction = bits & 0x3ff;
  return exponent === 0 ? fraction * 2 ** -24 : (1 + fraction / 1024) * 2 ** (exponent - 15);
}

let table: number[] | undefined;

/**
 * Independent method: binary-search the sorted table of all non-negative finite halves, plus 2^16 standing in
 * for Infinity (pattern 0x7c00, even), and take the nearest, ties to the even pattern.
 */
export function toFloat16BitsByTable(x: number): number {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  table ??= Array.from({ length: 0x7c00 + 1 }, (_, bits) => (bits === 0x7c00 ? 2 ** 16 : halfValue(bits)));
  if (a >= 2 ** 16) return sign | 0x7c00;
  let lo = 0;
  let hi = 0x7c00; // table[lo] <= a < table[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (table[mid]! <= a) lo = mid;
    else hi = mid;
  }
  const below = a - table[lo]!;
  const above = table[hi]! - a;
  const bits = below < above || (below === above && lo % 2 === 0) ? lo : hi;
  return sign | bits;
}
