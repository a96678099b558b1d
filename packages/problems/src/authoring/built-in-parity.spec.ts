import { createGrader, encodeValue, runReference, type Grader } from '@prep/grader';
import { BUILT_IN_CONTENT_ROOT, readContent } from '../read';
import { expandTests } from '../testkit';
import { readContentFiles, readProblemFiles } from './bundle-files';

/**
 * Forking built-in content into the database reads its files as data and makes its tests in the sandbox. That must
 * give exactly the tests the host makes from the same files (same arguments, same expected outputs, in order): the
 * static reading of tests.ts, the sandbox's Rng and the sandbox's reference run all agree with the trusted path.
 *
 * By default a set of problems that between them use every feature of tests.ts (helpers, constants, computed and
 * spread arguments, computed expected values, objects, floats, mutated arguments, many generators); PARITY_ALL=1
 * compares every built-in problem without a custom checker (all pass; it takes a few minutes on a busy machine).
 */
const REPRESENTATIVE = [
  'merge-sorted-array',
  'dynamic-loss-scaling',
  'inception-output-shape',
  'float16-bits',
  'medusa-typical-acceptance',
  'combination-sum-ii',
  'point-in-polygon',
  'segments-intersect',
  'partition-equal-subset-sum',
  'tree-attention-mask',
];
const problems = readContent(BUILT_IN_CONTENT_ROOT).content.problems.filter(
  (p) => !p.tests.check && (process.env.PARITY_ALL === '1' || REPRESENTATIVE.includes(p.slug)),
);

describe('built-in problems made in the sandbox match the host', () => {
  let grader: Grader;
  beforeAll(() => {
    grader = createGrader({ poolSize: 1 });
  });
  afterAll(() => grader.close());

  it('has problems to compare', () => {
    expect(problems.length).toBeGreaterThanOrEqual(REPRESENTATIVE.length);
  });

  it.each(problems.map((p) => [p.slug, p] as const))(
    '%s',
    async (slug, problem) => {
      const issues: { file: string; message: string }[] = [];
      const source = readProblemFiles(readContentFiles(BUILT_IN_CONTENT_ROOT, `problems/${slug}`), slug, null, issues as never);
      expect(issues).toEqual([]);
      const made = await grader.authored.materialize(source);
      if (!made.ok) throw new Error(JSON.stringify(made.failures.slice(0, 3)));
      const host = expandTests(problem.tests).map((t) => {
        const result = runReference(problem, t.args);
        if ('error' in result) throw new Error(result.error);
        return { name: t.name, sample: t.sample, args: encodeValue(t.args), expected: encodeValue(result.expected) };
      });
      expect(made.testSet.tests.map(({ name, sample, args, expected }) => ({ name, sample, args, expected }))).toEqual(host);
    },
    120_000,
  );
});
