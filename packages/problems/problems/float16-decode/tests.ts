import { defineTests } from '../../src/testkit';

type Args = [bits: number];

export default defineTests<Args>({
  cases: [
    { name: 'example 1: one', args: [0x3c00], sample: true, expected: 1 },
    { name: 'example 2: -1.5', args: [0xbe00], sample: true, expected: -1.5 },
    { name: 'example 3: smallest subnormal', args: [0x0001], sample: true, expected: 2 ** -24 },
    { name: 'positive zero', args: [0x0000], expected: 0 },
    { name: 'negative zero', args: [0x8000], expected: -0 },
    { name: 'minus one', args: [0xbc00], expected: -1 },
    { name: 'two', args: [0x4000], expected: 2 },
    { name: 'one half', args: [0x3800], expected: 0.5 },
    { name: 'one hundred', args: [0x5640], expected: 100 },
    { name: 'integer 2048', args: [0x6800], expected: 2048 },
    { name: 'nearest half to 1/3', args: [0x3555], expected: 0.333251953125 },
    { name: 'nearest half to 0.1', args: [0x2e66], expected: 0.0999755859375 },
    { name: 'nearest half to pi', args: [0x4248], expected: 3.140625 },
    { name: 'next half after one', args: [0x3c01], expected: 1.0009765625 },
    { name: 'largest half below one', args: [0x3bff], expected: 0.99951171875 },
    { name: 'largest finite', args: [0x7bff], expected: 65504 },
    { name: 'most negative finite', args: [0xfbff], expected: -65504 },
    { name: 'negative smallest subnormal', args: [0x8001], expected: -(2 ** -24) },
    { name: 'subnormal with the top fraction bit', args: [0x0200], expected: 2 ** -15 },
    { name: 'largest subnormal', args: [0x03ff], expected: 1023 * 2 ** -24 },
    { name: 'smallest normal', args: [0x0400], expected: 2 ** -14 },
    { name: 'positive infinity', args: [0x7c00], expected: Infinity },
    { name: 'negative infinity', args: [0xfc00], expected: -Infinity },
    { name: 'canonical quiet NaN', args: [0x7e00], expected: NaN },
    { name: 'signalling NaN pattern', args: [0x7c01], expected: NaN },
    { name: 'all ones is NaN', args: [0xffff], expected: NaN },
  ],
  generators: [
    { name: 'any pattern', count: 30, seed: 41, make: (rng) => [rng.int(0, 0xffff)] },
    { name: 'subnormal patterns', count: 15, seed: 42, make: (rng) => [(rng.bool() ? 0x8000 : 0) | rng.int(1, 0x3ff)] },
    {
      name: 'normal patterns',
      count: 20,
      seed: 43,
      make: (rng) => [(rng.bool() ? 0x8000 : 0) | (rng.int(1, 30) << 10) | rng.int(0, 0x3ff)],
    },
    { name: 'exponent 31 patterns', count: 9, seed: 44, make: (rng) => [(rng.bool() ? 0x8000 : 0) | 0x7c00 | rng.int(0, 0x3ff)] },
  ],
});
