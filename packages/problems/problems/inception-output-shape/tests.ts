import { defineTests, type Rng } from '../../src/testkit';

type Layer = { type: string; out?: number; k: number; stride: number; pad: number };
type Args = [input: [number, number, number], branches: Layer[][]];

const conv = (out: number, k: number, stride = 1, pad = 0): Layer => ({ type: 'conv', out, k, stride, pad });
const pool = (k: number, stride = 1, pad = 0): Layer => ({ type: 'maxpool', k, stride, pad });

/** GoogLeNet's inception block with 1x1 reductions. */
function googlenetBlock(c: number, size: number, b1: number, r3: number, b3: number, r5: number, b5: number, proj: number): Args {
  return [
    [c, size, size],
    [[conv(b1, 1)], [conv(r3, 1), conv(b3, 3, 1, 1)], [conv(r5, 1), conv(b5, 5, 1, 2)], [pool(3, 1, 1), conv(proj, 1)]],
  ];
}

function randomLayer(rng: Rng, maxK: number, maxStride: number, maxPad: number, maxOut: number): Layer {
  const k = rng.int(1, maxK);
  const stride = rng.int(1, maxStride);
  const pad = rng.int(0, maxPad);
  return rng.bool(0.7) ? conv(rng.int(1, maxOut), k, stride, pad) : pool(k, stride, pad);
}

/**
 * A block whose branches agree: every layer is "same"-padded (odd k, pad (k-1)/2, stride 1), except that when
 * `reduce` is set each branch ends with a "same"-padded stride-2 layer, which gives ⌊(n-1)/2⌋+1 whatever k is.
 */
function validBlock(rng: Rng, c: number, h: number, w: number, branchCount: number, maxLayers: number, maxOut: number): Args {
  const reduce = rng.bool(0.4);
  const branches = rng.array(branchCount, () =>
    rng.array(rng.int(1, maxLayers), (i) => {
      const k = 2 * rng.int(0, 3) + 1;
      const pad = (k - 1) / 2;
      const isLast = i === maxLayers - 1;
      const stride = reduce && isLast ? 2 : 1;
      return rng.bool(0.75) ? conv(rng.int(1, maxOut), k, stride, pad) : pool(k, stride, pad);
    }),
  );
  if (reduce) {
    // Make sure every branch reduces exactly once: append a stride-2 layer where the last one is not.
    for (const b of branches) if (b[b.length - 1]!.stride !== 2) b.push(conv(rng.int(1, maxOut), 3, 2, 1));
  }
  return [[c, h, w], branches];
}

export default defineTests<Args>({
  cases: [
    {
      name: 'example 1: googlenet inception 3a',
      args: googlenetBlock(192, 28, 64, 96, 128, 16, 32, 32),
      sample: true,
      expected: { shape: [256, 28, 28], params: 163696 },
    },
    {
      name: 'example 2: branches end at different sizes',
      args: [
        [3, 32, 32],
        [[conv(8, 3)], [conv(8, 1)]],
      ],
      sample: true,
      expected: null,
    },
    {
      name: 'example 3: grid reduction to 17x17',
      args: [
        [288, 35, 35],
        [[conv(384, 3, 2)], [conv(64, 1), conv(96, 3, 1, 1), conv(96, 3, 2)], [pool(3, 2)]],
      ],
      sample: true,
      expected: { shape: [768, 17, 17], params: 1152640 },
    },
    {
      name: 'googlenet inception 3b',
      args: googlenetBlock(256, 28, 128, 128, 192, 32, 96, 64),
      expected: { shape: [480, 28, 28], params: 388736 },
    },
    {
      name: 'inception without 1x1 reductions',
      args: [
        [192, 28, 28],
        [[conv(64, 1)], [conv(128, 3, 1, 1)], [conv(32, 5, 1, 2)], [pool(3, 1, 1)]],
      ],
      expected: { shape: [416, 28, 28], params: 387296 },
    },
    { name: 'one branch, one 1x1 conv', args: [[192, 28, 28], [[conv(64, 1)]]], expected: { shape: [64, 28, 28], params: 12352 } },
    { name: 'pooling only keeps channels', args: [[5, 7, 7], [[pool(3, 2)]]], expected: { shape: [5, 3, 3], params: 0 } },
    { name: 'kernel larger than the input', args: [[3, 2, 2], [[conv(4, 3)]]], expected: null },
    { name: 'kernel does not fit, stride 2 (floor of a negative)', args: [[3, 2, 2], [[conv(4, 3, 2)]]], expected: null },
    { name: 'padding makes the kernel fit', args: [[3, 2, 2], [[conv(4, 3, 2, 1)]]], expected: { shape: [4, 1, 1], params: 112 } },
    {
      name: 'non-square input',
      args: [
        [1, 10, 6],
        [[conv(2, 3, 1, 1)], [pool(3, 1, 1)]],
      ],
      expected: { shape: [3, 10, 6], params: 20 },
    },
    {
      name: 'heights agree, widths differ',
      args: [
        [1, 5, 6],
        [[conv(1, 2, 2)], [conv(1, 3, 2)]],
      ],
      expected: null,
    },
    {
      name: 'widths agree, heights differ',
      args: [
        [1, 6, 5],
        [[conv(1, 2, 2)], [conv(1, 3, 2)]],
      ],
      expected: null,
    },
    { name: 'stride larger than the kernel', args: [[4, 9, 9], [[conv(8, 1, 3)]]], expected: { shape: [8, 3, 3], params: 40 } },
    { name: 'global max pooling to 1x1', args: [[1024, 7, 7], [[pool(7)]]], expected: { shape: [1024, 1, 1], params: 0 } },
    { name: 'collapses mid-branch, later padding cannot save it', args: [[2, 3, 3], [[conv(2, 5), conv(2, 1, 1, 2)]]], expected: null },
    {
      name: 'channels flow through a chain',
      args: [[3, 32, 32], [[conv(16, 3, 1, 1), conv(32, 3, 1, 1), conv(64, 3, 2, 1)]]],
      expected: { shape: [64, 16, 16], params: 23584 },
    },
    {
      name: 'conv after pooling sees the pooled channels',
      args: [[10, 8, 8], [[pool(2, 2), conv(3, 3, 1, 1)]]],
      expected: { shape: [3, 4, 4], params: 273 },
    },
    {
      name: 'eight identical branches on a 1x1 map',
      args: [[1, 1, 1], Array.from({ length: 8 }, () => [conv(1, 1)])],
      expected: { shape: [8, 1, 1], params: 16 },
    },
    { name: 'padding grows the map', args: [[1, 1, 1], [[conv(1, 1, 1, 5)]]], expected: { shape: [1, 11, 11], params: 2 } },
    {
      name: 'one invalid branch spoils the block',
      args: [
        [16, 8, 8],
        [[conv(4, 1)], [conv(4, 3, 1, 1)], [pool(11)]],
      ],
      expected: null,
    },
    {
      name: 'even kernel',
      args: [
        [2, 8, 8],
        [[conv(3, 2, 2)], [pool(2, 2)]],
      ],
      expected: { shape: [5, 4, 4], params: 27 },
    },
  ],
  generators: [
    {
      name: 'random single branch',
      count: 15,
      seed: 25,
      make: (rng) => [[rng.int(1, 8), rng.int(1, 10), rng.int(1, 10)], [rng.array(rng.int(1, 4), () => randomLayer(rng, 5, 3, 2, 8))]],
    },
    {
      name: 'random small layers',
      count: 20,
      seed: 21,
      make: (rng) => [
        [rng.int(1, 8), rng.int(1, 12), rng.int(1, 12)],
        rng.array(rng.int(1, 3), () => rng.array(rng.int(1, 3), () => randomLayer(rng, 4, 3, 2, 8))),
      ],
    },
    {
      name: 'random valid blocks',
      count: 25,
      seed: 22,
      make: (rng) => validBlock(rng, rng.int(1, 64), rng.int(1, 40), rng.int(1, 40), rng.int(1, 5), 3, 64),
    },
    {
      name: 'googlenet-like blocks',
      count: 15,
      seed: 23,
      make: (rng) =>
        googlenetBlock(
          rng.pick([192, 256, 480, 512, 528, 832]),
          rng.pick([7, 14, 28, 56]),
          rng.int(16, 384),
          rng.int(16, 192),
          rng.int(32, 384),
          rng.int(8, 64),
          rng.int(16, 128),
          rng.int(16, 128),
        ),
    },
    {
      name: 'maximum size',
      count: 3,
      seed: 24,
      make: (rng, i) =>
        i < 2
          ? validBlock(rng, 1024, 512, 512 - i, 8, 6, 1024)
          : [[1024, 512, 512], rng.array(8, () => rng.array(6, () => randomLayer(rng, 11, 1, 5, 1024)))],
    },
  ],
});
