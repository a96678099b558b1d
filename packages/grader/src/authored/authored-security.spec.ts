import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TAuthoredProblemInput, TCheckFailureCode } from '@prep/contracts';
import { createGrader, type Grader } from '../grader';

/**
 * Hostile authored problems: a stolen admin account writes the reference, the helpers, a generator or a computed case
 * to attack the host. Each must be contained by the sandbox: the check fails naming why, nothing of the author's runs
 * in this process (no marker file, no changed prototype or global), and the same grader goes on working.
 */
const MARKER = path.join(os.tmpdir(), `authored-escape-${process.pid}`);
const SIG = 'function add(a: number, b: number): number';

function problem(
  overrides: Partial<TAuthoredProblemInput> = {},
  tests: Partial<TAuthoredProblemInput['tests']> = {},
): TAuthoredProblemInput {
  return {
    slug: 'hostile',
    title: 'Hostile',
    difficulty: 'easy',
    tags: ['security'],
    statement: 'Return the sum of a and b. This problem exists to attack the grader from the author side.',
    hints: ['Use +.'],
    editorial: 'The sum a + b is the answer; everything else in this problem is an attack that the sandbox must contain.',
    functionName: 'add',
    signature: SIG,
    starter: `${SIG} {\n  return 0;\n}\n`,
    reference: `${SIG} {\n  return a + b;\n}\n`,
    limits: { timeMsPerTest: 300, timeMsTotal: 3000, memoryMb: 64 },
    tests: {
      cases: [
        { name: 'small', args: [1, 2], sample: true },
        { name: 'more', args: [3, 4] },
      ],
      ...tests,
    },
    ...overrides,
  };
}

const reference = (body: string, top = '') => problem({ reference: `${top}\n${SIG} {\n${body}\n}\n` });
const escape = `const F = (add as any).constructor.constructor;
  const p = F('return this')().process;
  p.mainModule.require('fs').writeFileSync(${JSON.stringify(MARKER)}, 'escaped');`;

const CASES: { name: string; problem: TAuthoredProblemInput; codes: TCheckFailureCode[] }[] = [
  { name: 'reference: infinite loop', problem: reference('while (true) {}'), codes: ['reference_failed'] },
  { name: 'reference: infinite loop in top-level code', problem: reference('return a + b;', 'for (;;) {}'), codes: ['reference_failed'] },
  {
    name: 'reference: memory grown until it runs out',
    problem: reference('const xs: number[][] = []; for (;;) xs.push(new Array(1e5).fill(a)); return 0;'),
    codes: ['reference_failed'],
  },
  {
    name: 'reference: one allocation that aborts a Node process',
    problem: reference('return new Array(2e8).fill(1).length;'),
    codes: ['reference_failed'],
  },
  { name: 'reference: constructor chain to process', problem: reference(`${escape}\n  return a + b;`), codes: ['reference_failed'] },
  {
    name: 'reference: require',
    problem: reference("require('child_process').execSync('touch /tmp/x'); return a + b;"),
    codes: ['reference_compile_error'],
  },
  {
    name: 'reference: globals and Function',
    problem: reference(
      "const g = Function('return this')(); if (typeof g.process === 'undefined' && typeof g.require === 'undefined') throw new Error('no host'); return a + b;",
    ),
    codes: ['reference_failed'],
  },
  {
    name: 'helpers: infinite loop in top-level code',
    problem: problem({}, { helpers: 'while (true) {}', cases: [{ name: 'small', argsCode: '[1, 2]', sample: true }] }),
    codes: ['generator_failed'],
  },
  {
    name: 'helpers: escape in top-level code',
    problem: problem({}, { helpers: `function add(): void {}\n${escape}`, cases: [{ name: 'small', argsCode: '[1, 2]', sample: true }] }),
    codes: ['generator_failed'],
  },
  {
    name: 'generator: infinite loop',
    problem: problem({}, { generators: [{ name: 'spin', count: 2, seed: 1, make: '(rng) => { for (;;) {} }' }] }),
    codes: ['generator_failed'],
  },
  {
    name: 'generator: memory hog',
    problem: problem({}, { generators: [{ name: 'hog', count: 1, seed: 1, make: "(rng) => { let s = 'x'; for (;;) s += s; }" }] }),
    codes: ['generator_failed'],
  },
  {
    name: 'computed case: escape through the global object',
    problem: problem(
      {},
      {
        cases: [
          {
            name: 'small',
            sample: true,
            argsCode: `(() => { const g: any = globalThis; g.constructor.constructor('return process')().exit(1); return [1, 2] as Args; })()`,
          },
        ],
      },
    ),
    codes: ['generator_failed'],
  },
  {
    name: 'computed expected value: throws',
    problem: problem(
      {},
      { cases: [{ name: 'small', sample: true, args: [1, 2], expectedCode: "(() => { throw new Error('boom'); })()" }] },
    ),
    codes: ['generator_failed'],
  },
  {
    name: 'reference: pollutes prototypes for later submissions',
    problem: reference(
      'return a + b;',
      '(Object.prototype as any).polluted = 1; (globalThis as any).leak = 1; Array.prototype.push = () => 0;',
    ),
    codes: [],
  },
];
const snapshot = () => ({
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  globals: Object.getOwnPropertyNames(globalThis).sort(),
  push: Array.prototype.push,
});

describe('security: hostile authored problems', () => {
  let grader: Grader;
  const host = snapshot();
  beforeAll(async () => {
    fs.rmSync(MARKER, { force: true });
    grader = createGrader({ poolSize: 1 });
    await grader.warmUp();
  }, 60_000);
  afterAll(async () => {
    await grader.close();
    fs.rmSync(MARKER, { force: true });
  });

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const { report } = await grader.authored.check(c.problem);
      if (c.codes.length > 0) {
        expect(report.ok).toBe(false);
        expect(c.codes).toContain(report.failures[0]!.code);
      }
      expect(fs.existsSync(MARKER)).toBe(false);
      expect(snapshot()).toEqual(host);
      // The grader still works, and nothing of the hostile problem is visible to the next one.
      const observer = problem({
        reference: `${SIG} {\n  const clean = ({} as any).polluted === undefined && (globalThis as any).leak === undefined && [1].push(2) === 2;\n  return clean ? a + b : -1;\n}\n`,
        tests: { cases: [{ name: 'small', args: [1, 2], sample: true, expected: 3 }] },
      });
      const after = await grader.authored.check(observer);
      expect(after.report.failures).toEqual([]);
    },
    120_000,
  );

  it('caps the size of a test set: 40 generated tests of a million numbers each are too many to store', async () => {
    const huge = problem(
      {
        functionName: 'sum',
        signature: 'function sum(xs: number[]): number',
        starter: 'function sum(xs: number[]): number {\n  return 0;\n}\n',
        reference: 'function sum(xs: number[]): number {\n  let s = 0;\n  for (const x of xs) s += x;\n  return s;\n}\n',
      },
      {
        cases: [{ name: 'small', args: [[1, 2]], sample: true }],
        generators: [{ name: 'huge', count: 40, seed: 1, make: '(rng) => [new Array<number>(1_000_000).fill(rng.int(1, 9))]' }],
      },
    );
    const { report } = await grader.authored.check(huge);
    expect(report.failures.map((f) => f.code)).toEqual(['tests_too_large']);
  }, 120_000);
});
