import type { TJudgeSpec } from '@prep/contracts';
import { compareOutput } from './compare';

const exact: TJudgeSpec = { compare: 'exact', output: 'return' };
const float: TJudgeSpec = { compare: 'float', tolerance: { abs: 1e-6, rel: 1e-9 }, output: 'return' };
const unordered: TJudgeSpec = { compare: 'unordered', output: 'return' };
const unorderedDeep: TJudgeSpec = { compare: 'unordered-deep', output: 'return' };
const custom: TJudgeSpec = { compare: 'custom', output: 'return' };

describe('compareOutput', () => {
  it('exact: deep equality, NaN equals NaN, -0 is not 0, key order does not matter', () => {
    expect(compareOutput(exact, [1, { a: 2, b: [3] }], [1, { b: [3], a: 2 }], [])).toBe(true);
    expect(compareOutput(exact, NaN, NaN, [])).toBe(true);
    expect(compareOutput(exact, -0, 0, [])).toContain('expected 0, got -0');
    expect(compareOutput(exact, [1, 2], [1, 2, 3], [])).toBe('the output: expected 3 elements, got 2');
    expect(compareOutput(exact, { a: 1 }, { a: 1, b: 2 }, [])).toContain('missing key "b"');
    expect(compareOutput(exact, '1', 1, [])).toContain('expected number');
    expect(compareOutput(exact, [[1, 2]], [[1, 3]], [])).toBe('[0][1]: expected 3, got 2');
  });

  it('float: absolute or relative tolerance, NaN and infinities exact', () => {
    expect(compareOutput(float, 0.1 + 0.2, 0.3, [])).toBe(true);
    expect(compareOutput(float, [1e12 + 1e-3], [1e12], [])).toBe(true);
    expect(compareOutput(float, 1.001, 1, [])).toContain('expected 1');
    expect(compareOutput(float, NaN, NaN, [])).toBe(true);
    expect(compareOutput(float, Infinity, Infinity, [])).toBe(true);
    expect(compareOutput(float, Infinity, 1e308, [])).not.toBe(true);
    expect(compareOutput(float, -0, 0, [])).toBe(true);
  });

  it('unordered: a multiset of elements', () => {
    expect(compareOutput(unordered, [3, 1, 2], [1, 2, 3], [])).toBe(true);
    expect(compareOutput(unordered, [1, 1, 2], [1, 2, 2], [])).not.toBe(true);
    expect(compareOutput(unordered, [[2, 1]], [[1, 2]], [])).not.toBe(true);
    expect(compareOutput(unordered, 'x', [1], [])).toContain('expected a list');
  });

  it('unordered-deep: each element is unordered too', () => {
    expect(compareOutput(unorderedDeep, [[2, 1], [3]], [[3], [1, 2]], [])).toBe(true);
    expect(compareOutput(unorderedDeep, [[1, 1]], [[1]], [])).not.toBe(true);
    expect(compareOutput(unorderedDeep, [[1], [1]], [[1], [2]], [])).not.toBe(true);
  });

  it('custom: the checker decides, and a throwing checker rejects', () => {
    const check = ({ args, actual }: { args: unknown[]; actual: unknown }) => (actual === (args[0] as number) * 2 ? true : 'not doubled');
    expect(compareOutput(custom, 4, undefined, [2], check)).toBe(true);
    expect(compareOutput(custom, 5, undefined, [2], check)).toBe('not doubled');
    expect(
      compareOutput(custom, 5, undefined, [2], () => {
        throw new Error('bad shape');
      }),
    ).toContain('bad shape');
    expect(compareOutput(custom, 5, undefined, [2])).toContain('misconfigured');
  });
});
