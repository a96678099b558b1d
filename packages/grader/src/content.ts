import fs from 'node:fs';
import path from 'node:path';
import type { LoadedProblem } from '@prep/contracts';
import { BUILT_IN_CONTENT_ROOT, formatIssue, readContent } from '@prep/problems';

/** Loads one problem by slug (built-in content) or by its folder; throws with the loader's messages. */
export function loadProblem(slugOrDir: string): LoadedProblem {
  const asDir = path.resolve(slugOrDir);
  const isDir = fs.existsSync(path.join(asDir, 'problem.md'));
  const root = isDir ? path.resolve(asDir, '..', '..') : BUILT_IN_CONTENT_ROOT;
  const slug = isDir ? path.basename(asDir) : slugOrDir;
  const { content, issues } = readContent(root);
  const problem = content.problems.find((p) => p.slug === slug);
  if (problem) return problem;
  const own = issues.filter((i) => i.file.startsWith(`problems/${slug}/`));
  const detail = own.length ? own.map(formatIssue).join('\n') : `no problem "${slug}" under ${path.join(root, 'problems')}`;
  throw new Error(`cannot load problem ${slugOrDir}:\n${detail}`);
}

export interface WrongSolution {
  file: string;
  code: string;
  /** From the first line `// expect: <verdict>`. */
  expect: string | undefined;
}

/** The problem's known-wrong solutions under wrong/, in name order. */
export function wrongSolutions(problem: LoadedProblem): WrongSolution[] {
  const dir = path.join(problem.dir, 'wrong');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => {
      const code = fs.readFileSync(path.join(dir, f), 'utf8');
      const expect = /^\s*\/\/\s*expect:\s*([a-z_]+)/.exec(code.split('\n')[0] ?? '')?.[1];
      return { file: path.join(dir, f), code, expect };
    });
}

/** reference.ts in learner form (exports stripped, lines kept). */
export function referenceAsSubmission(problem: LoadedProblem, stripExports: (code: string) => string): string {
  return stripExports(fs.readFileSync(path.join(problem.dir, 'reference.ts'), 'utf8'));
}
