export default {
  cases: [
    { name: 'two', args: [[1, 2]], sample: true },
    { name: 'empty', args: [[]] },
    { name: 'three', args: [[3, 1, 2]] },
  ],
};
