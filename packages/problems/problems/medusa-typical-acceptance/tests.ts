import { defineTests, type Rng } from '../../src/testkit';

type Args = [probs: number[][], candidate: number[], epsilon: number, delta: number];

const uniform = (n: number): number[] => new Array<number>(n).fill(1 / n);

function entropy(p: number[]): number {
  let h = 0;
  for (const x of p) if (x > 0) h -= x * Math.log(x);
  return h;
}

/** Softmax of random logits: `spread` sets how peaked it is; some entries may be exactly zero. */
function randomDistribution(rng: Rng, vocab: number, spread: number, zeroShare: number): number[] {
  const weights = rng.array<number>(vocab, () => (rng.bool(zeroShare) ? 0 : Math.exp(rng.float(-spread, spread))));
  if (!weights.some((w) => w > 0)) weights[rng.int(0, vocab - 1)] = 1;
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/** Inverse-CDF sample from p, so candidates look like what a decent draft head would propose. */
function sampleFrom(rng: Rng, p: number[]): number {
  let u = rng.float(0, 1);
  for (let j = 0; j < p.length; j++) {
    u -= p[j]!;
    if (u < 0) return j;
  }
  return p.length - 1;
}

/** A random instance whose every token is at least 1e-9 away from its threshold (no rounding-sensitive ties). */
function instance(rng: Rng, n: number, minVocab: number, maxVocab: number, maxSpread: number): Args {
  const medusaDefaults = rng.bool(0.5);
  const epsilon = medusaDefaults ? 0.09 : rng.float(0.01, 1);
  const delta = medusaDefaults ? 0.3 : rng.float(0.05, 1);
  const probs: number[][] = [];
  const candidate: number[] = [];
  for (let i = 0; i < n; i++) {
    for (;;) {
      const p = randomDistribution(rng, rng.int(minVocab, maxVocab), rng.float(0.1, maxSpread), rng.bool(0.3) ? 0.3 : 0);
      const token = rng.bool(0.85) ? sampleFrom(rng, p) : rng.int(0, p.length - 1);
      const threshold = Math.min(epsilon, delta * Math.exp(-entropy(p)));
      if (Math.abs(p[token]! - threshold) < 1e-9) continue;
      probs.push(p);
      candidate.push(token);
      break;
    }
  }
  return [probs, candidate, epsilon, delta];
}

export default defineTests<Args>({
  cases: [
    {
      name: 'example 1: same probability, different verdicts',
      args: [[uniform(20), [0.9, 0.05, 0.05]], [3, 1], 0.09, 0.3],
      sample: true,
      expected: 1,
    },
    {
      name: 'example 2: all accepted',
      args: [
        [
          [0.6, 0.4],
          [0.2, 0.8],
          [1, 0],
        ],
        [0, 1, 0],
        0.09,
        0.3,
      ],
      sample: true,
      expected: 3,
    },
    {
      name: 'example 3: stop at the first rejection',
      args: [
        [
          [0.5, 0.5],
          [0.99, 0.01],
          [0.5, 0.5],
        ],
        [1, 1, 0],
        0.09,
        0.3,
      ],
      sample: true,
      expected: 1,
    },
    { name: 'empty candidate', args: [[], [], 0.09, 0.3], expected: 0 },
    { name: 'first token rejected', args: [[[0.97, 0.01, 0.01, 0.01]], [2], 0.09, 0.3], expected: 0 },
    { name: 'zero entries elsewhere in the row', args: [[[0.5, 0, 0.5, 0]], [0], 0.09, 0.3], expected: 1 },
    { name: 'candidate the model rules out', args: [[[0, 1]], [0], 0.09, 0.3], expected: 0 },
    { name: 'probability equal to epsilon is rejected', args: [[[0.75, 0.25]], [1], 0.25, 1], expected: 0 },
    { name: 'certain token at threshold 1 is rejected', args: [[[1]], [0], 1, 1], expected: 0 },
    { name: 'vocabulary of one', args: [[[1], [1], [1]], [0, 0, 0], 0.09, 0.3], expected: 3 },
    { name: 'entropy term below epsilon decides', args: [[[0.5, 0.3, 0.2]], [2], 0.5, 0.3], expected: 1 },
    { name: 'natural log, not log2', args: [[[0.4, 0.2, 0.2, 0.2]], [1], 1, 1], expected: 0 },
    {
      name: 'five confident positions',
      args: [
        [
          [0.8, 0.1, 0.1],
          [0.8, 0.1, 0.1],
          [0.8, 0.1, 0.1],
          [0.8, 0.1, 0.1],
          [0.8, 0.1, 0.1],
        ],
        [0, 0, 0, 0, 0],
        0.09,
        0.3,
      ],
      expected: 5,
    },
    {
      name: 'a zero-probability token in the middle',
      args: [
        [
          [0.5, 0.5],
          [1, 0],
          [0.5, 0.5],
        ],
        [0, 1, 0],
        0.09,
        0.3,
      ],
      expected: 1,
    },
    { name: 'flat distribution accepts a rare token', args: [[uniform(100)], [57], 0.09, 0.3], expected: 1 },
    { name: 'tiny epsilon', args: [[[0.999997, 0.000001, 0.000002]], [2], 1e-6, 0.3], expected: 1 },
    {
      name: 'last position rejected',
      args: [
        [
          [0.6, 0.4],
          [0.6, 0.4],
          [0.96, 0.04],
        ],
        [0, 1, 1],
        0.09,
        0.3,
      ],
      expected: 2,
    },
  ],
  generators: [
    { name: 'random small', count: 35, seed: 41, make: (rng) => instance(rng, rng.int(0, 6), 1, 6, 4) },
    { name: 'random medium', count: 25, seed: 42, make: (rng) => instance(rng, rng.int(5, 20), 2, 100, 6) },
    { name: 'confident model, long accepts', count: 10, seed: 43, make: (rng) => instance(rng, rng.int(10, 40), 2, 50, 12) },
    { name: 'maximum size', count: 2, seed: 44, make: (rng) => instance(rng, 64, 256, 256, 8) },
  ],
});
