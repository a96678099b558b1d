import { defineTests, type Rng } from '../../src/testkit';

type Args = [x: number];

/** The value of a finite, non-negative binary16 pattern (used only to build inputs). */
function halfValue(bits: number): number {
  const exponent = bits >> 10;
  const fraction = bits & 0x3ff;
  return exponent === 0 ? fraction * 2 ** -24 : (1 + fraction / 1024) * 2 ** (exponent - 15);
}

function withSign(rng: Rng, a: number): number {
  return rng.bool() ? -a : a;
}

/** A random finite pattern below 0x7bff, subnormals included. */
function randomFinitePattern(rng: Rng): number {
  return rng.bool(0.2) ? rng.int(0, 0x3fe) : rng.int(0x400, 0x7bfe);
}

/** The exact midpoint between two adjacent halves (exact in double precision). */
function midpoint(bits: number): number {
  return (halfValue(bits) + halfValue(bits + 1)) / 2;
}

export default defineTests<Args>({
  cases: [
    { name: 'example 1: -1.5', args: [-1.5], sample: true, expected: 0xbe00 },
    { name: 'example 2: 0.1 rounds to nearest', args: [0.1], sample: true, expected: 0x2e66 },
    { name: 'example 3: 65520 ties to infinity', args: [65520], sample: true, expected: 0x7c00 },
    { name: 'positive zero', args: [0], expected: 0x0000 },
    { name: 'negative zero', args: [-0], expected: 0x8000 },
    { name: 'one', args: [1], expected: 0x3c00 },
    { name: 'one half', args: [0.5], expected: 0x3800 },
    { name: 'one third', args: [1 / 3], expected: 0x3555 },
    { name: 'pi', args: [Math.PI], expected: 0x4248 },
    { name: 'largest finite half, 65504', args: [65504], expected: 0x7bff },
    { name: '65519.99 still rounds down', args: [65519.99], expected: 0x7bff },
    { name: 'largest double below 65520', args: [65520 - 2 ** -37], expected: 0x7bff },
    { name: '-65520 overflows to -Infinity', args: [-65520], expected: 0xfc00 },
    { name: '65536 overflows', args: [65536], expected: 0x7c00 },
    { name: 'huge negative double', args: [-1e300], expected: 0xfc00 },
    { name: 'Infinity', args: [Infinity], expected: 0x7c00 },
    { name: '-Infinity', args: [-Infinity], expected: 0xfc00 },
    { name: 'NaN', args: [NaN], expected: 0x7e00 },
    { name: 'smallest subnormal 2^-24', args: [2 ** -24], expected: 0x0001 },
    { name: '2^-25 ties to even zero', args: [2 ** -25], expected: 0x0000 },
    { name: '-2^-25 ties to negative zero', args: [-(2 ** -25)], expected: 0x8000 },
    { name: 'just above 2^-25 rounds up', args: [2 ** -25 + 2 ** -60], expected: 0x0001 },
    { name: '0.75 of the smallest subnormal', args: [3 * 2 ** -26], expected: 0x0001 },
    { name: 'subnormal tie 1.5 ulp goes up to even', args: [3 * 2 ** -25], expected: 0x0002 },
    { name: 'subnormal tie 2.5 ulp goes down to even', args: [5 * 2 ** -25], expected: 0x0002 },
    { name: 'subnormal 1e-5', args: [1e-5], expected: 0x00a8 },
    { name: 'negative underflow keeps the sign', args: [-2.5e-8], expected: 0x8000 },
    { name: '1e-10 underflows', args: [1e-10], expected: 0x0000 },
    { name: 'smallest positive double', args: [5e-324], expected: 0x0000 },
    { name: 'largest subnormal', args: [1023 * 2 ** -24], expected: 0x03ff },
    { name: 'tie between largest subnormal and smallest normal', args: [2 ** -14 - 2 ** -25], expected: 0x0400 },
    { name: 'smallest normal 2^-14', args: [2 ** -14], expected: 0x0400 },
    { name: '6.1035156e-5 rounds to the smallest normal', args: [6.1035156e-5], expected: 0x0400 },
    { name: 'tie 1 + 2^-11 goes down to even', args: [1 + 2 ** -11], expected: 0x3c00 },
    { name: 'tie 1 + 3 * 2^-11 goes up to even', args: [1 + 3 * 2 ** -11], expected: 0x3c02 },
    { name: 'just above a tie: rounding twice through FP32 fails', args: [1 + 2 ** -11 + 2 ** -40], expected: 0x3c01 },
    { name: 'integer tie 2049 goes down', args: [2049], expected: 0x6800 },
    { name: 'integer tie 2051 goes up', args: [2051], expected: 0x6802 },
    { name: '1000.3', args: [1000.3], expected: 0x63d1 },
  ],
  generators: [
    {
      name: 'random doubles across exponents',
      count: 15,
      seed: 31,
      make: (rng) => [withSign(rng, (1 + rng.float(0, 1)) * 2 ** rng.int(-30, 17))],
    },
    {
      name: 'exact halfway cases',
      count: 16,
      seed: 32,
      make: (rng) => [withSign(rng, midpoint(randomFinitePattern(rng)))],
    },
    {
      name: 'just off halfway',
      count: 16,
      seed: 33,
      make: (rng) => {
        const bits = randomFinitePattern(rng);
        const m = midpoint(bits);
        // Nudge by less than half an FP32 ulp: FP32 rounds the nudged value back onto the tie.
        const fp32Ulp = 2 ** (Math.floor(Math.log2(m)) - 23);
        const nudge = fp32Ulp * rng.float(0.01, 0.45) * (rng.bool() ? 1 : -1);
        return [withSign(rng, m + nudge)];
      },
    },
    {
      name: 'random subnormal range',
      count: 8,
      seed: 34,
      make: (rng) => [withSign(rng, rng.float(0, 2 ** -14))],
    },
    {
      name: 'near the overflow threshold',
      count: 6,
      seed: 35,
      make: (rng) => [withSign(rng, rng.float(65490, 65540))],
    },
  ],
});
