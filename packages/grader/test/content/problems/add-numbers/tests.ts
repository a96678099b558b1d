type Args = [a: number, b: number];
const cases: { name: string; args: Args; sample?: boolean; expected?: number }[] = [
  { name: 'one and two', args: [1, 2], sample: true, expected: 3 },
  { name: 'zeros', args: [0, 0], sample: true, expected: 0 },
  { name: 'negative', args: [-5, 3], expected: -2 },
  { name: 'large', args: [1e9, 1e9], expected: 2e9 },
  { name: 'secret seven', args: [3, 4], expected: 7 },
];
export default {
  cases,
  generators: [
    {
      name: 'random',
      count: 5,
      seed: 7,
      make: (rng: { int(a: number, b: number): number }): Args => [rng.int(-100, 100), rng.int(-100, 100)],
    },
  ],
};
