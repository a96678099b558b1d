import type { LoadedProblem, TGradeResult } from '@prep/contracts';
import { compareOutput, createGrader, referenceAsSubmission, stripExports, wrongSolutions, type Grader } from '@prep/grader';
import { BUILT_IN_CONTENT_ROOT, readContent } from './read';
import { expandTests } from './testkit';

/**
 * Every built-in problem, proven through the grader: the reference is accepted, the starter is not, each wrong/
 * solution gets the verdict its `// expect:` line names, alternative references agree with the main one, and every
 * pinned `expected` agrees with the reference. Problems that do not load are the linter's business (content.spec).
 */
const problems = readContent(BUILT_IN_CONTENT_ROOT).content.problems;

function summary(result: TGradeResult): string {
  const failing = result.tests.find((t) => t.status !== 'passed' && t.status !== 'skipped');
  return `${result.verdict}: ${result.message ?? ''}${failing?.seed ? ` [seed ${failing.seed}]` : ''}`;
}

function outputOf(problem: LoadedProblem, fn: (...args: unknown[]) => unknown, args: unknown[]): unknown {
  const copy = structuredClone(args);
  const returned = fn(...copy);
  const output = problem.meta.judge.output;
  return output === 'return' ? returned : copy[output.mutatedArg];
}

describe('built-in problems, graded', () => {
  let grader: Grader;
  beforeAll(() => {
    grader = createGrader({ poolSize: 2 });
  });
  afterAll(() => grader.close());

  it('finds problems to grade', () => {
    expect(problems.length).toBeGreaterThan(0);
  });

  describe.each(problems.map((p) => [p.slug, p] as const))('%s', (_slug, problem) => {
    const wrong = wrongSolutions(problem);
    let graded: Promise<{ reference: TGradeResult; starter: TGradeResult; wrong: TGradeResult[] }>;
    beforeAll(() => {
      // Start every grade of this problem at once so both sandbox processes work.
      const submit = (code: string) => grader.grade(problem, { code, mode: 'submit' }, { revealHidden: true });
      graded = Promise.all([
        submit(referenceAsSubmission(problem, stripExports)),
        submit(problem.starter),
        Promise.all(wrong.map((w) => submit(w.code))),
      ]).then(([reference, starter, wrongResults]) => ({ reference, starter, wrong: wrongResults }));
      graded.catch(() => undefined);
    });

    it('accepts the reference solution', async () => {
      const { reference } = await graded;
      expect(summary(reference)).toBe('accepted: ');
    }, 180_000);

    it('does not accept the starter', async () => {
      const { starter } = await graded;
      expect(starter.verdict).not.toBe('accepted');
    }, 180_000);

    it('has wrong solutions that each name their verdict', () => {
      for (const w of wrong)
        expect({ file: w.file, expect: w.expect }).toEqual({
          file: w.file,
          expect: expect.stringMatching(/^(wrong_answer|time_limit_exceeded|runtime_error|memory_limit_exceeded|compilation_error)$/),
        });
    });

    it.each(wrong.map((w, i) => [w.file.split('/').pop()!, i] as const))(
      'gives wrong/%s its expected verdict',
      async (_file, i) => {
        const result = (await graded).wrong[i]!;
        expect(result.verdict).not.toBe('accepted');
        expect(`${result.verdict}`).toBe(wrong[i]!.expect);
      },
      180_000,
    );

    it('has alternative references that agree with the reference, and pinned outputs that agree too', () => {
      const { judge } = problem.meta;
      const reference = problem.reference as (...args: unknown[]) => unknown;
      for (const test of expandTests(problem.tests)) {
        const expected = outputOf(problem, reference, test.args);
        for (const [name, alternative] of Object.entries(problem.alternatives)) {
          const verdict = compareOutput(
            judge,
            outputOf(problem, alternative as (...args: unknown[]) => unknown, test.args),
            expected,
            test.args,
            problem.tests.check,
          );
          expect({ test: test.name, alternative: name, verdict }).toEqual({ test: test.name, alternative: name, verdict: true });
        }
        if (test.pinned) {
          const verdict = compareOutput(judge, expected, test.pinned.expected, test.args, problem.tests.check);
          expect({ test: test.name, pinned: verdict }).toEqual({ test: test.name, pinned: true });
        }
      }
    });
  });
});
