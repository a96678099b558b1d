import { createRng, expandTests } from './testkit';

describe('seeded test kit', () => {
  it('replays the same numbers for the same seed and different ones for another', () => {
    const a = createRng('7:0');
    const b = createRng('7:0');
    const c = createRng('7:1');
    const draw = (r: ReturnType<typeof createRng>) => Array.from({ length: 20 }, () => r.int(-1000, 1000));
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
  });

  it('keeps int within bounds, inclusive, and float within [min, max)', () => {
    const r = createRng('bounds');
    const ints = Array.from({ length: 2000 }, () => r.int(1, 3));
    expect(new Set(ints)).toEqual(new Set([1, 2, 3]));
    for (let i = 0; i < 2000; i++) {
      const f = r.float(-1, 1);
      expect(f).toBeGreaterThanOrEqual(-1);
      expect(f).toBeLessThan(1);
    }
    expect(() => r.int(3, 1)).toThrow(RangeError);
  });

  it('expands fixed cases first, then each generator with a seed per test', () => {
    const tests = expandTests({
      cases: [{ name: 'one', args: [1], sample: true, expected: 1 }],
      generators: [{ name: 'gen', count: 2, seed: 5, make: (rng) => [rng.int(0, 9)] }],
    });
    expect(tests.map((t) => [t.index, t.name, t.sample, t.seed])).toEqual([
      [0, 'one', true, undefined],
      [1, 'gen #1', false, '5:0'],
      [2, 'gen #2', false, '5:1'],
    ]);
    expect(tests[0]!.pinned).toEqual({ expected: 1 });
    expect(
      expandTests({ cases: [], generators: [{ name: 'gen', count: 2, seed: 5, make: (rng) => [rng.int(0, 9)] }] }).map((t) => t.args),
    ).toEqual(tests.slice(1).map((t) => t.args));
  });
});
