#!/usr/bin/env node
import path from 'node:path';
import { BUILT_IN_CONTENT_ROOT, MIN_FIXED_CASES, readContent } from '../read';
import { formatIssue } from '../issues';

/** `content:lint [root]`: prints `path:line: message` for every problem and exits 1 if there is any. */
function main(): void {
  const arg = process.argv[2];
  const root = arg ? path.resolve(arg) : BUILT_IN_CONTENT_ROOT;
  const { content, labs, issues } = readContent(root, root === BUILT_IN_CONTENT_ROOT ? { minFixedCases: MIN_FIXED_CASES } : {});
  const shown = path.relative(process.cwd(), root) || '.';
  for (const issue of issues) console.log(formatIssue({ ...issue, file: path.join(shown, issue.file) }));
  const summary = `${content.decks.length} decks, ${content.problems.length} problems, ${content.cards.length} cards${labs.length ? `, ${labs.length} labs` : ''}`;
  if (issues.length > 0) {
    console.error(`content:lint: ${issues.length} problem(s) found (${summary} valid)`);
    process.exit(1);
  }
  console.log(`content:lint: clean (${summary})`);
}

main();
