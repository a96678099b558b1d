import { defineTests, type Rng } from '../../src/testkit';

type Args = [overflows: boolean[], initScale: number, growthFactor: number, backoffFactor: number, growthInterval: number];

const F = false;
const T = true;

/** PyTorch's GradScaler defaults: 2^16, x2, x0.5, every 2000 clean steps. */
const DEFAULTS = [65536, 2, 0.5, 2000] as const;

function randomOverflows(rng: Rng, n: number, pOverflow: number): boolean[] {
  return rng.array(n, () => rng.bool(pOverflow));
}

/** Overflows come in bursts, as after a loss spike: runs of clean steps separated by runs of overflows. */
function bursts(rng: Rng, n: number): boolean[] {
  const out: boolean[] = [];
  while (out.length < n) {
    const overflow = out.length > 0 && rng.bool(0.4);
    const length = overflow ? rng.int(1, 6) : rng.int(1, 40);
    for (let i = 0; i < length && out.length < n; i++) out.push(overflow);
  }
  return out;
}

export default defineTests<Args>({
  cases: [
    { name: 'example 1', args: [[F, F, T, F, F, F], 8, 2, 0.5, 2], sample: true, expected: [8, 8, 16, 8, 8, 16] },
    {
      name: 'example 2: growth shows up one step later',
      args: [[T, T, F, F, F], 65536, 2, 0.5, 3],
      sample: true,
      expected: [65536, 32768, 16384, 16384, 16384],
    },
    {
      name: 'example 3: the FP32 ceiling',
      args: [[F, F, F], 2 ** 126, 2, 0.5, 1],
      sample: true,
      expected: [2 ** 126, 2 ** 127, 2 ** 127],
    },
    { name: 'no steps', args: [[], 65536, 2, 0.5, 2000], expected: [] },
    { name: 'one clean step', args: [[F], 1024, 2, 0.5, 1], expected: [1024] },
    { name: 'one overflowing step', args: [[T], 1024, 2, 0.5, 1], expected: [1024] },
    { name: 'grow every step', args: [[F, F, F, F, F], 1, 2, 0.5, 1], expected: [1, 2, 4, 8, 16] },
    { name: 'overflow every step', args: [[T, T, T, T], 1024, 2, 0.5, 1], expected: [1024, 512, 256, 128] },
    {
      name: 'overflow one step before the interval completes',
      args: [[F, F, T, F, F, F, F], 4, 2, 0.5, 3],
      expected: [4, 4, 4, 2, 2, 2, 4],
    },
    {
      name: 'the counter restarts after growth',
      args: [[F, F, F, F, F, F], 1, 2, 0.5, 2],
      expected: [1, 1, 2, 2, 4, 4],
    },
    {
      name: 'growth after an overflow needs a full interval',
      args: [[F, T, F, F, F], 8, 2, 0.5, 2],
      expected: [8, 8, 4, 4, 8],
    },
    { name: 'alternating', args: [[T, F, T, F], 16, 2, 0.5, 1], expected: [16, 8, 16, 8] },
    { name: 'interval longer than training', args: [[F, F, F, F, F], 3, 2, 0.5, 10], expected: [3, 3, 3, 3, 3] },
    {
      name: 'PyTorch defaults: first growth after 2000 clean steps',
      args: [new Array<boolean>(2001).fill(false), ...DEFAULTS],
      expected: [...new Array<number>(2000).fill(65536), 131072],
    },
    { name: 'factors 4 and 1/4', args: [[F, F, T, T, F], 64, 4, 0.25, 1], expected: [64, 256, 1024, 256, 64] },
    { name: 'non-power-of-two factors', args: [[F, T, F], 10, 1.5, 0.8, 1], expected: [10, 15, 12] },
    {
      name: 'at the ceiling, overflow then regrow',
      args: [[F, T, F, F], 2 ** 127, 2, 0.5, 1],
      expected: [2 ** 127, 2 ** 127, 2 ** 126, 2 ** 127],
    },
    { name: 'a product just under the ceiling still grows', args: [[F, F, F], 3e38, 1.1, 0.5, 1], expected: [3e38, 3.3e38, 3.3e38] },
    { name: 'tiny initial scale', args: [[F, F, T], 2 ** -24, 2, 0.5, 1], expected: [2 ** -24, 2 ** -23, 2 ** -22] },
  ],
  generators: [
    {
      name: 'random small',
      count: 30,
      seed: 51,
      make: (rng) => [
        randomOverflows(rng, rng.int(0, 20), 0.3),
        rng.pick([1, 8, 1000, 65536]),
        rng.pick([2, 4, 1.5]),
        rng.pick([0.5, 0.25, 0.8]),
        rng.int(1, 4),
      ],
    },
    {
      name: 'realistic training run',
      count: 12,
      seed: 52,
      make: (rng) => [randomOverflows(rng, rng.int(500, 3000), rng.float(0.002, 0.02)), 65536, 2, 0.5, rng.pick([50, 100, 200])],
    },
    {
      name: 'overflow bursts',
      count: 10,
      seed: 53,
      make: (rng) => [bursts(rng, rng.int(100, 500)), 2 ** rng.int(10, 24), 2, 0.5, rng.int(1, 10)],
    },
    {
      name: 'near the FP32 ceiling',
      count: 10,
      seed: 54,
      make: (rng) => [randomOverflows(rng, rng.int(20, 200), 0.1), 2 ** rng.int(110, 127), rng.pick([2, 1.5, 3]), 0.5, rng.int(1, 5)],
    },
    {
      name: 'arbitrary factors',
      count: 10,
      seed: 55,
      make: (rng) => [
        randomOverflows(rng, rng.int(10, 300), rng.float(0.05, 0.5)),
        rng.float(1, 1e6),
        rng.float(1.01, 3),
        rng.float(0.3, 0.99),
        rng.int(1, 8),
      ],
    },
    { name: 'maximum size, rare overflows', count: 1, seed: 56, make: (rng) => [randomOverflows(rng, 100_000, 1e-5), ...DEFAULTS] },
    { name: 'maximum size, frequent overflows', count: 1, seed: 57, make: (rng) => [randomOverflows(rng, 100_000, 0.3), 65536, 2, 0.5, 1] },
  ],
});
