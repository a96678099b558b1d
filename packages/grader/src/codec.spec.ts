import vm from 'node:vm';
import { decodeValue, encodeValue, toDisplay } from './codec';
import { HARNESS_SOURCE } from './sandbox/harness';

const VALUES: unknown[] = [
  0,
  -0,
  1.5,
  NaN,
  Infinity,
  -Infinity,
  'text with "quotes" and {braces}',
  '',
  true,
  null,
  undefined,
  [1, [2, [3]], []],
  [1, undefined, NaN],
  { b: 1, a: [true, { c: -0 }] },
  { __proto__: 5 },
  [
    [0.1, 0.2],
    ['x', null],
  ],
];

/** Runs the sandbox harness in a plain vm context (no isolated-vm needed) and returns its encoding of `value`. */
function harnessEncode(value: unknown): string {
  const context = vm.createContext({});
  const harness = vm.runInContext(HARNESS_SOURCE, context) as (cmd: string, a: unknown, b: unknown) => string;
  vm.runInContext('function identity(x) { return x; }', context);
  harness('bind', vm.runInContext('identity', context), 1000);
  const result = harness('test', encodeValue([value]), -1);
  expect(result.startsWith('V0|')).toBe(true);
  return result.slice(3);
}

describe('value codec', () => {
  it.each(VALUES.map((v) => [encodeValue(v), v] as const))('round-trips %s', (_text, value) => {
    const decoded = decodeValue(encodeValue(value));
    if (typeof value !== 'object' || value === null) expect(Object.is(decoded, value)).toBe(true);
    else expect(decoded).toEqual(value);
    expect(encodeValue(decoded)).toBe(encodeValue(value));
  });

  it.each(VALUES.map((v) => [encodeValue(v), v] as const))('the sandbox harness decodes and re-encodes %s identically', (text, value) => {
    expect(harnessEncode(value)).toBe(text);
  });

  it('sorts object keys, so equal objects encode equally', () => {
    expect(encodeValue({ b: 1, a: 2 })).toBe(encodeValue({ a: 2, b: 1 }));
  });

  it('keeps a "__proto__" key as an own property and never touches a prototype', () => {
    const decoded = decodeValue('{"o":{"__proto__":{"o":{"polluted":1}}}}') as Record<string, unknown>;
    expect(Object.keys(decoded)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects cycles and malformed text', () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(() => encodeValue(cyclic)).toThrow('cycle');
    expect(() => decodeValue('{"t":"nope"}')).toThrow();
    expect(() => decodeValue('[1,')).toThrow();
  });

  it('shows values JSON cannot hold as readable strings', () => {
    expect(toDisplay([NaN, -0, undefined, Infinity, 10n])).toEqual(['NaN', '-0', 'undefined', 'Infinity', '10n']);
  });
});
