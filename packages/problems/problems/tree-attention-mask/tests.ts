import { defineTests, type Rng } from '../../src/testkit';

type Args = [paths: number[][]];

/** A 0/1 matrix from rows written as strings such as "1010": pins expected masks compactly. */
function matrix(rows: string[]): number[][] {
  return rows.map((r) => [...r].map(Number));
}

function randomPaths(rng: Rng, count: number, maxLen: number, maxToken: number): number[][] {
  return rng.array(count, () => rng.array(rng.int(1, maxLen), () => rng.int(0, maxToken)));
}

/**
 * Paths the way Medusa builds them: head d proposes its top-k tokens, and a path picks one rank per head,
 * so the token at depth d and rank r is the same under every parent.
 */
function medusaPaths(rng: Rng, count: number, heads: number, topK: number): number[][] {
  const topTokens = rng.array(heads, () => rng.array(topK, () => rng.int(0, 32000)));
  const paths = rng.array(count, () =>
    rng.array(rng.int(1, heads), (d) => topTokens[d]![Math.min(rng.int(0, topK - 1), rng.int(0, topK - 1))]!),
  );
  return rng.shuffle(paths);
}

export default defineTests<Args>({
  cases: [
    {
      name: 'example 1',
      args: [[[5, 9], [5, 7], [8]]],
      sample: true,
      expected: { tokens: [5, 8, 9, 7], mask: matrix(['1000', '0100', '1010', '1001']) },
    },
    {
      name: 'example 2: parents order the next depth',
      args: [
        [
          [1, 2],
          [3, 4],
          [1, 5],
        ],
      ],
      sample: true,
      expected: { tokens: [1, 3, 2, 5, 4], mask: matrix(['10000', '01000', '10100', '10010', '01001']) },
    },
    { name: 'example 3: no paths', args: [[]], sample: true, expected: { tokens: [], mask: [] } },
    { name: 'one token', args: [[[42]]], expected: { tokens: [42], mask: [[1]] } },
    {
      name: 'one long path is a chain',
      args: [[[1, 2, 3, 4, 5]]],
      expected: { tokens: [1, 2, 3, 4, 5], mask: matrix(['10000', '11000', '11100', '11110', '11111']) },
    },
    {
      name: 'duplicate paths merge',
      args: [
        [
          [1, 2],
          [1, 2],
        ],
      ],
      expected: { tokens: [1, 2], mask: matrix(['10', '11']) },
    },
    { name: 'a path that is a prefix of another', args: [[[1], [1, 2]]], expected: { tokens: [1, 2], mask: matrix(['10', '11']) } },
    { name: 'the prefix listed after the longer path', args: [[[1, 2], [1]]], expected: { tokens: [1, 2], mask: matrix(['10', '11']) } },
    { name: 'same token at every depth', args: [[[7, 7, 7]]], expected: { tokens: [7, 7, 7], mask: matrix(['100', '110', '111']) } },
    {
      name: 'same token under different parents',
      args: [
        [
          [1, 9],
          [2, 9],
        ],
      ],
      expected: { tokens: [1, 2, 9, 9], mask: matrix(['1000', '0100', '1010', '0101']) },
    },
    {
      name: 'only first tokens: identity mask',
      args: [[[1], [2], [3], [4]]],
      expected: { tokens: [1, 2, 3, 4], mask: matrix(['1000', '0100', '0010', '0001']) },
    },
    {
      name: 'siblings by first appearance, not by token value',
      args: [[[9], [3], [5]]],
      expected: { tokens: [9, 3, 5], mask: matrix(['100', '010', '001']) },
    },
    {
      name: 'medusa-style top-k tree',
      args: [[[10], [11], [10, 20], [10, 21], [11, 20], [10, 20, 30]]],
      expected: { tokens: [10, 11, 20, 21, 20, 30], mask: matrix(['100000', '010000', '101000', '100100', '010010', '101001']) },
    },
    {
      name: 'depth 3 follows depth 2 order',
      args: [
        [
          [2, 5, 1],
          [3, 6],
          [2, 7, 8],
          [3, 6, 9],
        ],
      ],
      expected: {
        tokens: [2, 3, 5, 7, 6, 1, 8, 9],
        mask: matrix(['10000000', '01000000', '10100000', '10010000', '01001000', '10100100', '10010010', '01001001']),
      },
    },
    {
      name: 'token zero',
      args: [
        [
          [0, 0],
          [0, 1],
        ],
      ],
      expected: { tokens: [0, 0, 1], mask: matrix(['100', '110', '101']) },
    },
    {
      name: 'a later path adds a child to an early node',
      args: [[[1, 2, 3], [4], [1, 5]]],
      expected: { tokens: [1, 4, 2, 5, 3], mask: matrix(['10000', '01000', '10100', '10010', '10101']) },
    },
    {
      name: 'large token ids',
      args: [[[999999, 1000000], [1000000]]],
      expected: { tokens: [999999, 1000000, 1000000], mask: matrix(['100', '010', '101']) },
    },
    {
      name: 'diverge only at the last token',
      args: [
        [
          [1, 2, 3, 4, 5],
          [1, 2, 3, 4, 6],
        ],
      ],
      expected: { tokens: [1, 2, 3, 4, 5, 6], mask: matrix(['100000', '110000', '111000', '111100', '111110', '111101']) },
    },
  ],
  generators: [
    { name: 'random small, heavy sharing', count: 30, seed: 31, make: (rng) => [randomPaths(rng, rng.int(0, 6), 4, 3)] },
    { name: 'random medium', count: 20, seed: 32, make: (rng) => [randomPaths(rng, rng.int(5, 24), 5, 9)] },
    { name: 'medusa top-k trees', count: 15, seed: 33, make: (rng) => [medusaPaths(rng, rng.int(10, 64), rng.int(2, 5), rng.int(2, 10))] },
    {
      name: 'maximum size',
      count: 3,
      seed: 34,
      make: (rng, i) => [
        i === 0
          ? randomPaths(rng, 64, 5, 1000000).map((p) => [...p, ...rng.array(5 - p.length, () => rng.int(0, 1000000))])
          : randomPaths(rng, 64, 5, i === 1 ? 3 : 30),
      ],
    },
  ],
});
