import type { TAuthoredProblem } from '@prep/contracts';
import type { CompileDiagnostic } from '../compile/diagnostic';
import { SANDBOX_RNG_SOURCE } from './sandbox-rng';

/** The function the sandbox calls to evaluate one piece of an authored problem's test code. */
export const TEST_PROGRAM_FUNCTION = '__prepGenerate';
export const TEST_PROGRAM_SIGNATURE = `function ${TEST_PROGRAM_FUNCTION}(kind: number, which: number, index: number, seed: string): unknown`;

/** What `__prepGenerate(kind, which, index, seed)` evaluates. */
export const PieceKind = { CaseArgs: 0, CaseExpected: 1, Generated: 2 } as const;

interface Part {
  /** Where in the authored source, e.g. `tests.generators.0.make`. */
  field: string;
  /** First line of the part in the program (1-based) and its number of lines. */
  start: number;
  lines: number;
}

export interface TestProgram {
  code: string;
  parts: Part[];
}

const lineCount = (text: string) => text.split('\n').length;

/**
 * One script holding an authored problem's test code, compiled and run in the sandbox like learner code: the author's
 * helpers first (so their lines keep their numbers), then what the grader provides (`Args`, `Rng`), then each computed
 * case and generator wrapped where it is typed against `Args`, and the entry point that dispatches to them.
 */
export function buildTestProgram(problem: TAuthoredProblem, argsType: string): TestProgram {
  const lines: string[] = [];
  const parts: Part[] = [];
  const add = (text: string, field?: string) => {
    if (field !== undefined) parts.push({ field, start: lines.length + 1, lines: lineCount(text) });
    lines.push(...text.split('\n'));
  };
  const { helpers, cases, generators } = problem.tests;
  if (helpers) add(helpers, 'tests.helpers');
  add('// ---- provided by the grader ----');
  add(`type Args = ${argsType};`);
  add(SANDBOX_RNG_SOURCE);
  add('const __prepCases: (() => Args)[] = [];');
  add('const __prepExpected: (() => unknown)[] = [];');
  cases.forEach((c, i) => {
    if (c.argsCode !== undefined) {
      add(`__prepCases[${i}] = () => (`);
      add(c.argsCode, `tests.cases.${i}.argsCode`);
      add(');');
    }
    if (c.expectedCode !== undefined) {
      add(`__prepExpected[${i}] = () => (`);
      add(c.expectedCode, `tests.cases.${i}.expectedCode`);
      add(');');
    }
  });
  add('const __prepMakers: ((rng: Rng, index: number) => Args)[] = [');
  generators.forEach((g, i) => {
    add(g.make, `tests.generators.${i}.make`);
    add(',');
  });
  add('];');
  add(`${TEST_PROGRAM_SIGNATURE} {
  if (kind === ${PieceKind.CaseArgs}) return __prepCases[which]!();
  if (kind === ${PieceKind.CaseExpected}) return __prepExpected[which]!();
  return __prepMakers[which]!(__prepCreateRng(seed), index);
}`);
  return { code: lines.join('\n') + '\n', parts };
}

/** Where a diagnostic of the program is in the authored source. */
export function locate(program: TestProgram, d: CompileDiagnostic): { field: string; line: number; column: number } {
  const part = program.parts.find((p) => d.line >= p.start && d.line < p.start + p.lines);
  if (!part) return { field: 'tests', line: 1, column: 1 };
  return { field: part.field, line: d.line - part.start + 1, column: d.column };
}
