export default {
  cases: [
    { name: 'four', args: [4], sample: true },
    { name: 'nine', args: [9] },
    { name: 'zero', args: [0] },
  ],
  // Either root is right.
  check: ({ args, actual }: { args: unknown[]; actual: unknown }): true | string =>
    typeof actual === 'number' && actual * actual === args[0] ? true : `${String(actual)} squared is not ${String(args[0])}`,
};
