import { defineTests, type Rng } from '../../src/testkit';

type Args = [draftTokens: number[], draftProbs: number[][], targetProbs: number[][], uniforms: number[]];

function normalize(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/** Weights with at least one positive entry: `spread` sets how peaked, `zeroShare` how many exact zeros. */
function randomWeights(rng: Rng, vocab: number, spread: number, zeroShare: number): number[] {
  const w = rng.array<number>(vocab, () => (rng.bool(zeroShare) ? 0 : Math.exp(rng.float(-spread, spread))));
  if (!w.some((x) => x > 0)) w[rng.int(0, vocab - 1)] = 1;
  return w;
}

/** A target distribution that resembles q more or less closely, as a real target resembles its draft. */
function relatedTo(rng: Rng, q: number[], noise: number, zeroShare: number): number[] {
  const w = q.map((x) => (rng.bool(zeroShare) ? 0 : (x + 0.02) * Math.exp(rng.float(-noise, noise))));
  if (!w.some((x) => x > 0)) w[rng.int(0, q.length - 1)] = 1;
  return normalize(w);
}

function cumulative(weights: number[]): number[] {
  let c = 0;
  return weights.map((w) => (c += w));
}

/** Draws x ~ q by inverse CDF (only tokens with q(x) > 0 can come out). */
function drawFrom(rng: Rng, q: number[]): number {
  const c = cumulative(q);
  const target = rng.float(0, 1) * c[c.length - 1]!;
  const t = c.findIndex((s) => s > target);
  if (t >= 0) return t;
  let last = q.length - 1;
  while (!(q[last]! > 0)) last--;
  return last;
}

/** A uniform that is not within 1e-9 (relative to the total) of any cumulative boundary of `weights`. */
function safeUniform(rng: Rng, weights: number[]): number {
  const c = cumulative(weights);
  const total = c[c.length - 1]!;
  for (;;) {
    const u = rng.float(0, 1);
    if (u < 1 - 1e-9 && c.every((s) => Math.abs(s - u * total) > 1e-9 * total)) return u;
  }
}

/**
 * A random step: the draft proposes x_i ~ q_i, the target p_i is related to q_i. Every u_i stays 1e-9 away from
 * p_i(x_i)/q_i(x_i), and the final uniform stays away from the boundaries of whichever distribution it samples.
 */
function step(rng: Rng, gamma: number, vocab: number, spread: number, noise: number, zeroShare: number): Args {
  for (;;) {
    const draftProbs = rng.array(gamma, () => normalize(randomWeights(rng, vocab, spread, zeroShare)));
    const targetProbs = [
      ...draftProbs.map((q) => relatedTo(rng, q, noise, zeroShare)),
      normalize(randomWeights(rng, vocab, spread, zeroShare)),
    ];
    const draftTokens = draftProbs.map((q) => drawFrom(rng, q));
    const uniforms: number[] = [];
    let finalWeights = targetProbs[gamma]!;
    for (let i = 0; i < gamma; i++) {
      const x = draftTokens[i]!;
      const ratio = targetProbs[i]![x]! / draftProbs[i]![x]!;
      let u = rng.float(0, 1);
      while (Math.abs(u - ratio) < 1e-9) u = rng.float(0, 1);
      uniforms.push(u);
      if (!(u < ratio)) {
        finalWeights = targetProbs[i]!.map((p, t) => Math.max(0, p - draftProbs[i]![t]!));
        while (uniforms.length < gamma) uniforms.push(rng.float(0, 1));
        break;
      }
    }
    if (finalWeights.reduce((a, b) => a + b, 0) < 1e-6) continue;
    uniforms.push(safeUniform(rng, finalWeights));
    return [draftTokens, draftProbs, targetProbs, uniforms];
  }
}

export default defineTests<Args>({
  cases: [
    {
      name: 'example 1: all accepted, then a bonus token',
      args: [
        [1, 0],
        [
          [0.5, 0.5],
          [0.75, 0.25],
        ],
        [
          [0.25, 0.75],
          [0.75, 0.25],
          [0.5, 0.5],
        ],
        [0.9, 0.3, 0.6],
      ],
      sample: true,
      expected: [1, 0, 1],
    },
    {
      name: 'example 2: rejected, resample from the residual',
      args: [
        [2, 3],
        [
          [0.125, 0.125, 0.5, 0.25],
          [0.25, 0.25, 0.25, 0.25],
        ],
        [
          [0.375, 0.25, 0.25, 0.125],
          [0.25, 0.25, 0.25, 0.25],
          [0.25, 0.25, 0.25, 0.25],
        ],
        [0.75, 0.1, 0.8],
      ],
      sample: true,
      expected: [1],
    },
    { name: 'example 3: no draft tokens', args: [[], [], [[0.1, 0.2, 0.7]], [0.25]], sample: true, expected: [1] },
    {
      name: 'target rules the draft token out, u = 0',
      args: [
        [0],
        [[0.5, 0.5]],
        [
          [0, 1],
          [1, 0],
        ],
        [0, 0.5],
      ],
      expected: [1],
    },
    {
      name: 'u equal to the ratio is a rejection',
      args: [
        [0],
        [[0.5, 0.5]],
        [
          [0.25, 0.75],
          [1, 0],
        ],
        [0.5, 0],
      ],
      expected: [1],
    },
    {
      name: 'u just below the ratio is accepted',
      args: [
        [0],
        [[0.5, 0.5]],
        [
          [0.25, 0.75],
          [1, 0],
        ],
        [0.4999, 0],
      ],
      expected: [0, 0],
    },
    {
      name: 'same distributions: accepted even with u near 1',
      args: [
        [1],
        [[0.25, 0.75]],
        [
          [0.25, 0.75],
          [0.5, 0.5],
        ],
        [0.999, 0.5],
      ],
      expected: [1, 1],
    },
    { name: 'bonus with u = 0 skips zero-probability tokens', args: [[], [], [[0, 0, 1]], [0]], expected: [2] },
    {
      name: 'vocabulary of one',
      args: [
        [0, 0, 0],
        [[1], [1], [1]],
        [[1], [1], [1], [1]],
        [0.5, 0.9, 0.1, 0.7],
      ],
      expected: [0, 0, 0, 0],
    },
    {
      name: 'u exactly at a residual boundary',
      args: [
        [2],
        [[0.25, 0.25, 0.5]],
        [
          [0.5, 0.5, 0],
          [1, 0, 0],
        ],
        [0.3, 0.5],
      ],
      expected: [1],
    },
    {
      name: 'residual uses the last uniform, not u_i',
      args: [
        [2],
        [[0.25, 0.25, 0.5]],
        [
          [0.5, 0.5, 0],
          [1, 0, 0],
        ],
        [0.9, 0.1],
      ],
      expected: [0],
    },
    {
      name: 'accept, accept, reject at the last guess',
      args: [
        [0, 1, 2],
        [
          [0.5, 0.5, 0],
          [0.25, 0.5, 0.25],
          [0.25, 0.25, 0.5],
        ],
        [
          [0.5, 0.5, 0],
          [0.25, 0.5, 0.25],
          [0.5, 0.25, 0.25],
          [0, 0, 1],
        ],
        [0.7, 0.2, 0.6, 0.1],
      ],
      expected: [0, 1, 0],
    },
    {
      name: 'only the first rejection counts',
      args: [
        [1, 1, 1],
        [
          [0.25, 0.75],
          [0.25, 0.75],
          [0.25, 0.75],
        ],
        [
          [0.75, 0.25],
          [0.75, 0.25],
          [0.75, 0.25],
          [0.5, 0.5],
        ],
        [0.5, 0.5, 0.5, 0.5],
      ],
      expected: [0],
    },
    {
      name: 'five guesses all accepted',
      args: [
        [3, 2, 1, 0, 3],
        [
          [0.25, 0.25, 0.25, 0.25],
          [0.25, 0.25, 0.25, 0.25],
          [0.25, 0.25, 0.25, 0.25],
          [0.25, 0.25, 0.25, 0.25],
          [0.25, 0.25, 0.25, 0.25],
        ],
        [
          [0.125, 0.125, 0.25, 0.5],
          [0.125, 0.125, 0.5, 0.25],
          [0.125, 0.5, 0.125, 0.25],
          [0.5, 0.125, 0.125, 0.25],
          [0.25, 0.25, 0.25, 0.25],
          [0.125, 0.375, 0.375, 0.125],
        ],
        [0.9, 0.9, 0.9, 0.9, 0.9, 0.5],
      ],
      expected: [3, 2, 1, 0, 3, 2],
    },
    {
      name: 'unlikely draft token the target loves',
      args: [
        [1],
        [[0.96875, 0.03125]],
        [
          [0.5, 0.5],
          [0.25, 0.75],
        ],
        [0.99, 0.5],
      ],
      expected: [1, 1],
    },
    {
      name: 'the rejected token itself cannot come back',
      args: [
        [0],
        [[0.75, 0.25]],
        [
          [0.5, 0.5],
          [1, 0],
        ],
        [0.9, 0],
      ],
      expected: [1],
    },
    { name: 'bonus drawn near the top of the distribution', args: [[], [], [[0.25, 0.25, 0.25, 0.25]], [0.999]], expected: [3] },
  ],
  generators: [
    {
      name: 'random small',
      count: 35,
      seed: 51,
      make: (rng) => step(rng, rng.int(0, 4), rng.int(1, 5), rng.float(0.2, 3), rng.float(0, 2), rng.bool(0.3) ? 0.3 : 0),
    },
    {
      name: 'random medium',
      count: 25,
      seed: 52,
      make: (rng) => step(rng, rng.int(2, 8), rng.int(10, 100), rng.float(0.5, 5), rng.float(0, 1.5), rng.bool(0.3) ? 0.2 : 0),
    },
    {
      name: 'good draft, long accepts',
      count: 15,
      seed: 53,
      make: (rng) => step(rng, rng.int(4, 16), rng.int(5, 200), rng.float(1, 6), rng.float(0, 0.3), 0),
    },
    { name: 'maximum size', count: 2, seed: 54, make: (rng, i) => step(rng, 16, 1000, 4, i === 0 ? 0.05 : 1, 0) },
  ],
});
