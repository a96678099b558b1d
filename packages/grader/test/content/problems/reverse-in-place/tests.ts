export default {
  cases: [
    { name: 'three', args: [[1, 2, 3]], sample: true, expected: [3, 2, 1] },
    { name: 'empty', args: [[]], expected: [] },
    { name: 'negative zero survives', args: [[-0, 1]], expected: [1, -0] },
  ],
};
