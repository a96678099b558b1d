import { compileSubmission } from './compile';
import { stripExports } from './strip-exports';

const SIG = 'function twice(xs: number[]): number[]';

describe('compileSubmission', () => {
  it('transpiles valid code keeping every line in place', () => {
    const result = compileSubmission(
      'function twice(xs: number[]): number[] {\n  const t: number = 2;\n  return xs.map((x) => x * t);\n}\n',
      'twice',
      SIG,
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.js.split('\n')[2]).toContain('return xs.map');
  });

  it('reports type errors with line and column', () => {
    expect(compileSubmission('function twice(xs: number[]): number[] {\n  return xs.length;\n}', 'twice', SIG)).toEqual({
      ok: false,
      diagnostics: [{ line: 2, column: 3, message: "Type 'number' is not assignable to type 'number[]'." }],
    });
  });

  it('has no Node types: process is unknown', () => {
    const result = compileSubmission('function twice(xs: number[]): number[] {\n  return process.argv.map(Number);\n}', 'twice', SIG);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]!.message).toContain("Cannot find name 'process'");
  });

  it('forbids reference directives so learner code cannot pull files or libs', () => {
    const result = compileSubmission('/// <reference lib="dom" />\nfunction twice(xs: number[]): number[] { return xs; }', 'twice', SIG);
    expect(result).toMatchObject({ ok: false, diagnostics: [{ line: 1, message: 'triple-slash reference directives are not allowed' }] });
  });

  it('checks the declared signature, generics included', () => {
    const ok = compileSubmission(
      'function first<T>(xs: T[]): T | undefined { return xs[0]; }',
      'first',
      'function first<T>(xs: T[]): T | undefined',
    );
    expect(ok.ok).toBe(true);
    const async = compileSubmission('async function twice(xs: number[]): Promise<number[]> { return xs; }', 'twice', SIG);
    expect(async).toMatchObject({ ok: false, diagnostics: [{ line: 1, column: 1 }] });
  });
});

describe('stripExports', () => {
  it('removes top-level export keywords and keeps lines and columns', () => {
    const code = 'export function a(): number {\n  return 1;\n}\nexport const b = (): number => 2;\n';
    const stripped = stripExports(code);
    expect(stripped).toBe('       function a(): number {\n  return 1;\n}\n       const b = (): number => 2;\n');
    expect(stripped.split('\n').length).toBe(code.split('\n').length);
  });

  it('leaves the word export alone where it is not a keyword', () => {
    expect(stripExports("const s = 'export function';\n")).toBe("const s = 'export function';\n");
  });
});
