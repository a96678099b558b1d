import { defineTests, type Rng } from '../../src/testkit';

type Args = [kind: string, cin: number, cout: number, k: number, h: number, w: number];

const KINDS = ['standard', 'pointwise', 'depthwise-separable'] as const;
/** Channel counts that real networks use, so medium tests look like real layers. */
const CHANNELS = [3, 16, 24, 32, 48, 64, 96, 128, 160, 192, 256, 320, 384, 512, 576, 960, 1024, 2048];
const SIZES = [7, 14, 28, 56, 112, 224];

function oddKernel(rng: Rng): number {
  return 2 * rng.int(0, 5) + 1;
}

export default defineTests<Args>({
  cases: [
    {
      name: 'example 1: standard 3x3, 256 to 256 on 56x56',
      args: ['standard', 256, 256, 3, 56, 56],
      sample: true,
      expected: { params: 589824, macs: 1849688064 },
    },
    {
      name: 'example 2: depthwise separable, same shape',
      args: ['depthwise-separable', 256, 256, 3, 56, 56],
      sample: true,
      expected: { params: 67840, macs: 212746240 },
    },
    {
      name: 'example 3: pointwise ignores k',
      args: ['pointwise', 192, 16, 5, 28, 28],
      sample: true,
      expected: { params: 3072, macs: 2408448 },
    },
    { name: 'standard with k = 1 equals pointwise', args: ['standard', 192, 16, 1, 28, 28], expected: { params: 3072, macs: 2408448 } },
    { name: 'smallest standard layer', args: ['standard', 1, 1, 1, 1, 1], expected: { params: 1, macs: 1 } },
    { name: 'smallest depthwise separable layer', args: ['depthwise-separable', 1, 1, 1, 1, 1], expected: { params: 2, macs: 2 } },
    { name: 'pointwise with the largest k', args: ['pointwise', 3, 4, 11, 2, 5], expected: { params: 12, macs: 120 } },
    { name: 'inception 5x5 without a bottleneck', args: ['standard', 192, 32, 5, 28, 28], expected: { params: 153600, macs: 120422400 } },
    {
      name: 'inception 5x5 after a 1x1 bottleneck to 16',
      args: ['standard', 16, 32, 5, 28, 28],
      expected: { params: 12800, macs: 10035200 },
    },
    { name: 'depthwise separable with k = 1', args: ['depthwise-separable', 64, 128, 1, 10, 10], expected: { params: 8256, macs: 825600 } },
    { name: 'non-square map, 7x7 stem', args: ['standard', 3, 64, 7, 224, 112], expected: { params: 9408, macs: 236027904 } },
    { name: 'one output channel', args: ['depthwise-separable', 32, 1, 3, 4, 4], expected: { params: 320, macs: 5120 } },
    { name: 'one input channel', args: ['standard', 1, 32, 3, 28, 28], expected: { params: 288, macs: 225792 } },
    {
      name: 'mobilenet first separable block',
      args: ['depthwise-separable', 32, 64, 3, 112, 112],
      expected: { params: 2336, macs: 29302784 },
    },
    { name: 'kernel larger than a 1x1 map', args: ['standard', 8, 8, 3, 1, 1], expected: { params: 576, macs: 576 } },
    { name: 'one row map', args: ['pointwise', 7, 9, 3, 1, 1024], expected: { params: 63, macs: 64512 } },
    {
      name: 'largest standard layer',
      args: ['standard', 4096, 4096, 11, 1024, 1024],
      expected: { params: 2030043136, macs: 2128654511374336 },
    },
    {
      name: 'largest depthwise separable layer',
      args: ['depthwise-separable', 4096, 4096, 11, 1024, 1024],
      expected: { params: 17272832, macs: 18111877087232 },
    },
    {
      name: 'largest pointwise layer',
      args: ['pointwise', 4096, 4096, 11, 1024, 1024],
      expected: { params: 16777216, macs: 17592186044416 },
    },
  ],
  generators: [
    {
      name: 'random small',
      count: 40,
      seed: 11,
      make: (rng) => [rng.pick(KINDS), rng.int(1, 9), rng.int(1, 9), oddKernel(rng), rng.int(1, 12), rng.int(1, 12)],
    },
    {
      name: 'realistic layers',
      count: 25,
      seed: 12,
      make: (rng) => {
        const size = rng.pick(SIZES);
        return [rng.pick(KINDS), rng.pick(CHANNELS), rng.pick(CHANNELS), rng.pick([1, 3, 5, 7]), size, size];
      },
    },
    {
      name: 'random large',
      count: 12,
      seed: 13,
      make: (rng, i) => [KINDS[i % 3]!, rng.int(1, 4096), rng.int(1, 4096), oddKernel(rng), rng.int(1, 1024), rng.int(1, 1024)],
    },
  ],
});
