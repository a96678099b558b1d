export default {
  cases: [
    { name: 'thirds', args: [[0.1, 0.2, 0.4]], sample: true },
    { name: 'empty is NaN', args: [[]] },
    { name: 'infinite', args: [[Infinity, 1]] },
  ],
};
