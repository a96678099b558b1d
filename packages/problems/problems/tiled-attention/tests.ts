import { defineTests, type Rng } from '../../src/testkit';

type Matrix = number[][];
type Args = [Q: Matrix, K: Matrix, V: Matrix, blockSize: number];

const LN2 = Math.LN2;

function matrix(rng: Rng, rows: number, cols: number, bound: number): Matrix {
  return rng.array(rows, () => rng.array(cols, () => rng.float(-bound, bound)));
}

function intMatrix(rng: Rng, rows: number, cols: number, bound: number): Matrix {
  return rng.array(rows, () => rng.array(cols, () => rng.int(-bound, bound)));
}

/** Random attention input; `bound` is the largest |entry| (30 makes naive e^s overflow). */
function attention(rng: Rng, nq: number, nk: number, d: number, dv: number, bound: number, blockSize: number): Args {
  return [matrix(rng, nq, d, bound), matrix(rng, nk, d, bound), matrix(rng, nk, dv, bound), blockSize];
}

export default defineTests<Args>({
  cases: [
    {
      name: 'example 1: zero query, uniform weights',
      args: [
        [[0, 0]],
        [
          [1, 0],
          [0, 1],
          [5, 5],
        ],
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        2,
      ],
      sample: true,
      expected: [[3, 4]],
    },
    {
      name: 'example 2: the maximum rises in the second tile',
      args: [
        [[1, 0, 0, 0]],
        [
          [0, 0, 0, 0],
          [2 * LN2, 0, 0, 0],
        ],
        [
          [3, 0],
          [0, 3],
        ],
        1,
      ],
      sample: true,
      expected: [[1, 2]],
    },
    {
      name: 'example 3: scores of 900 overflow e^s',
      args: [[[30], [-30]], [[30], [30], [-30]], [[1], [3], [100]], 2],
      sample: true,
      expected: [[2], [100]],
    },
    {
      name: 'one key: the output is its value',
      args: [
        [
          [1, 2],
          [-3, 4],
        ],
        [[5, -6]],
        [[7, 8, 9]],
        1,
      ],
      expected: [
        [7, 8, 9],
        [7, 8, 9],
      ],
    },
    {
      name: 'identical keys: mean of the values',
      args: [
        [[4, -2]],
        [
          [1, 1],
          [1, 1],
          [1, 1],
          [1, 1],
        ],
        [[1], [2], [3], [6]],
        3,
      ],
      expected: [[3]],
    },
    {
      name: 'block larger than n_k',
      args: [
        [[0, 0]],
        [
          [1, 0],
          [0, 1],
          [5, 5],
        ],
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        256,
      ],
      expected: [[3, 4]],
    },
    {
      name: 'block of one, same answer',
      args: [
        [[0, 0]],
        [
          [1, 0],
          [0, 1],
          [5, 5],
        ],
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        1,
      ],
      expected: [[3, 4]],
    },
    {
      name: 'the scale is 1/sqrt(d), not 1/d',
      args: [
        [[1, 1, 1, 1]],
        [
          [0, 0, 0, 0],
          [LN2, LN2, 0, 0],
        ],
        [[0], [3]],
        2,
      ],
      expected: [[2]],
    },
    { name: 'd = 1: no scaling', args: [[[1]], [[0], [LN2]], [[0], [3]], 1], expected: [[2]] },
    {
      name: 'dominant first key, huge negative others',
      args: [
        [[30, 30]],
        [
          [30, 30],
          [-30, -30],
          [-30, 30],
        ],
        [
          [-7, 1],
          [30, 30],
          [0, 0],
        ],
        1,
      ],
      expected: [[-7, 1]],
    },
    {
      name: 'dominant last key, after small ones',
      args: [
        [[30, 30]],
        [
          [0, 0],
          [1, 1],
          [30, 30],
        ],
        [
          [30, 30],
          [30, 30],
          [2, -2],
        ],
        2,
      ],
      expected: [[2, -2]],
    },
    {
      name: 'queries attend to different keys',
      args: [
        [
          [30, 0],
          [0, 30],
        ],
        [
          [30, 0],
          [0, 30],
        ],
        [
          [1, 0],
          [0, 1],
        ],
        1,
      ],
      expected: [
        [1, 0],
        [0, 1],
      ],
    },
    {
      name: 'weights 1/7, 2/7, 4/7 over three tiles',
      args: [[[1]], [[0], [LN2], [2 * LN2]], [[7], [0], [0]], 1],
      expected: [[1]],
    },
    {
      name: 'd_v larger than d',
      args: [
        [[0]],
        [[1], [2]],
        [
          [1, 2, 3, 4, 5],
          [3, 4, 5, 6, 7],
        ],
        1,
      ],
      expected: [[2, 3, 4, 5, 6]],
    },
    {
      name: 'negative values cancel',
      args: [
        [[0, 0, 0]],
        [
          [1, 2, 3],
          [3, 2, 1],
        ],
        [
          [-30, 30],
          [30, -30],
        ],
        1,
      ],
      expected: [[0, 0]],
    },
    {
      name: 'ragged last tile',
      args: [[[0]], [[1], [2], [3], [4], [5]], [[1], [2], [3], [4], [10]], 2],
      expected: [[4]],
    },
    {
      name: 'tie between tiles at a huge score',
      args: [[[-30]], [[-30], [0], [-30]], [[10], [0], [20]], 2],
      expected: [[15]],
    },
    {
      name: 'small integer case',
      args: [
        [
          [1, 0],
          [0, 1],
          [1, 1],
        ],
        [
          [1, 0],
          [0, 1],
          [1, -1],
          [2, 2],
        ],
        [[1], [-1], [2], [0]],
        3,
      ],
      expected: [[0.554485614807509], [-0.00549845588710729], [0.09101227134797624]],
    },
  ],
  generators: [
    {
      name: 'random small integers',
      count: 25,
      seed: 21,
      make: (rng) => {
        const nk = rng.int(1, 8);
        const d = rng.int(1, 4);
        return [intMatrix(rng, rng.int(1, 4), d, 3), intMatrix(rng, nk, d, 3), intMatrix(rng, nk, rng.int(1, 4), 3), rng.int(1, nk + 2)];
      },
    },
    {
      name: 'large entries overflow naive softmax',
      count: 15,
      seed: 22,
      make: (rng) => attention(rng, rng.int(1, 6), rng.int(2, 40), rng.int(1, 8), rng.int(1, 6), 30, rng.int(1, 10)),
    },
    {
      name: 'scores rise key after key',
      count: 10,
      seed: 23,
      make: (rng) => {
        const d = rng.int(1, 6);
        const nk = rng.int(4, 40);
        const q = rng.array(d, () => rng.float(-30, 30));
        // k_j = (j / nk) q: the score of key j grows with j, so the running maximum moves in every tile.
        const K = rng.array(nk, (j) => q.map((x) => (x * (j + 1)) / nk));
        return [[q], K, matrix(rng, nk, rng.int(1, 4), 30), rng.int(1, 5)];
      },
    },
    {
      name: 'smooth attention, small entries',
      count: 10,
      seed: 24,
      make: (rng) => attention(rng, rng.int(1, 16), rng.int(1, 64), rng.int(1, 16), rng.int(1, 16), 1, rng.int(1, 64)),
    },
    {
      name: 'random medium',
      count: 10,
      seed: 25,
      make: (rng) => attention(rng, rng.int(16, 64), rng.int(16, 64), rng.int(8, 32), rng.int(8, 32), rng.pick([1, 5, 30]), rng.int(1, 64)),
    },
    { name: 'maximum size, tiles of 64', count: 1, seed: 26, make: (rng) => attention(rng, 256, 256, 64, 64, 3, 64) },
    { name: 'maximum size, tiles of 1', count: 1, seed: 27, make: (rng) => attention(rng, 256, 256, 64, 64, 30, 1) },
  ],
});
