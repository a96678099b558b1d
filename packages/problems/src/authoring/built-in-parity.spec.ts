import { createGrader, encodeValue, runReference, type Grader } from '@prep/grader';
import { BUILT_IN_CONTENT_ROOT, readContent } from '../read';
import { expandTests } from '../testkit';
import { readContentFiles, readProblemFiles } from './bundle-files';

/**
 * Forking built-in content into the database reads its files as data and makes its tests in the sandbox. For every
 * built-in problem without a custom checker, that must give exactly the tests the host makes from the same files
 * (same arguments, same expected outputs, in order): the static reading of tests.ts, the sandbox's Rng and the
 * sandbox's reference run all agree with the trusted path.
 */
const problems = readContent(BUILT_IN_CONTENT_ROOT).content.problems.filter((p) => !p.tests.check);

describe('built-in problems made in the sandbox match the host', () => {
  let grader: Grader;
  beforeAll(() => {
    grader = createGrader({ poolSize: 2 });
  });
  afterAll(() => grader.close());

  it('has problems to compare', () => {
    expect(problems.length).toBeGreaterThan(20);
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
