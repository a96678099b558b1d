import path from 'node:path';
import type { LoadedProblem } from '@prep/contracts';
import { readContent } from '@prep/problems';

/** The grader's own small problems (test/content), loaded once per test file. */
export const TEST_CONTENT_ROOT = path.resolve(__dirname, '..', 'test', 'content');

let problems: Map<string, LoadedProblem> | undefined;

export function testProblem(slug: string): LoadedProblem {
  if (!problems) {
    const { content, issues } = readContent(TEST_CONTENT_ROOT);
    if (issues.length) throw new Error(`test content is invalid: ${JSON.stringify(issues)}`);
    problems = new Map(content.problems.map((p) => [p.slug, p]));
  }
  const problem = problems.get(slug);
  if (!problem) throw new Error(`no test problem ${slug}`);
  return problem;
}
